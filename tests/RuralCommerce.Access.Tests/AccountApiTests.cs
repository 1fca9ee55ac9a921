using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Access.Tests;

public sealed class AccountApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task Registering_accepts_the_number_and_texts_a_code()
    {
        var phone = AccessFlows.NewPhone();

        var response = await Post(AccessApiPaths.Register, new { phone, displayName = "Zhang Min", password = AccessFlows.Password });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(phone, body.GetProperty("phone").GetString());
        Assert.Equal(["phone"], body.EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^\d{6}$", factory.Sms.LastCodeFor(phone));
        Assert.False(await PhoneVerifiedAsync(phone));
    }

    [Fact]
    public async Task A_mainland_number_typed_without_country_code_is_stored_in_E164()
    {
        var phone = AccessFlows.NewPhone();

        var response = await Post(AccessApiPaths.Register, new { phone = phone[3..], displayName = "Zhang Min", password = AccessFlows.Password });

        Assert.Equal(phone, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("not-a-phone", "Li", "Mushr00ms-on-cobs", "phone")]
    [InlineData(null, "Li", "Mushr00ms-on-cobs", "phone")]
    [InlineData("VALID", "", "Mushr00ms-on-cobs", "displayName")]
    [InlineData("VALID", "Li", "short1", "password")]
    [InlineData("VALID", "Li", "onlyletters", "password")]
    [InlineData("VALID", "Li", null, "password")]
    public async Task Bad_registrations_get_field_errors_and_create_nothing(string? phone, string name, string? password, string field)
    {
        var realPhone = AccessFlows.NewPhone();
        var response = await Post(AccessApiPaths.Register, new { phone = phone == "VALID" ? realPhone : phone, displayName = name, password });

        var errors = (await AssertProblem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors has {field}");
        Assert.Equal(HttpStatusCode.Accepted, (await Post(AccessApiPaths.Register, new { phone = realPhone, displayName = "Li", password = AccessFlows.Password })).StatusCode);
    }

    [Fact]
    public async Task Registering_a_verified_number_again_answers_the_same_and_changes_nothing()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync("Owner");
        var fresh = AccessFlows.NewPhone();

        var again = await Post(AccessApiPaths.Register, new { phone, displayName = "Someone else", password = "Someone-else-2026" });
        var newNumber = await Post(AccessApiPaths.Register, new { phone = fresh, displayName = "Someone else", password = "Someone-else-2026" });

        Assert.Equal(newNumber.StatusCode, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(
            (await newNumber.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Select(p => p.Name),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Select(p => p.Name));
        var owner = await factory.SignInAsync(phone);
        var me = await factory.MeAsync(owner);
        Assert.Equal("Owner", me.DisplayName);
        await AssertProblem(await Post(AccessApiPaths.SignIn, new { phone, password = "Someone-else-2026" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_number_create_one_account()
    {
        var phone = AccessFlows.NewPhone();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Post(AccessApiPaths.Register, new { phone, displayName = "Li", password = AccessFlows.Password })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralCommerce.Access.Persistence.AccessDbContext>();
        var parsed = RuralCommerce.SharedKernel.PhoneNumber.Parse(phone);
        Assert.Equal(1, await db.Accounts.CountAsync(a => a.Phone == parsed));
    }

    [Fact]
    public async Task A_wrong_code_does_not_verify_the_phone_and_the_right_one_does()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);
        var code = factory.Sms.LastCodeFor(phone);

        var wrong = await Post(AccessApiPaths.PhoneVerification, new { phone, code = code == "000000" ? "111111" : "000000", password = AccessFlows.Password });

        await AssertProblem(wrong, HttpStatusCode.BadRequest);
        Assert.False(await PhoneVerifiedAsync(phone));
        Assert.Equal(HttpStatusCode.NoContent, (await Post(AccessApiPaths.PhoneVerification, new { phone, code, password = AccessFlows.Password })).StatusCode);
        Assert.True(await PhoneVerifiedAsync(phone));
    }

    [Fact]
    public async Task A_new_code_can_be_requested_without_revealing_whether_the_number_has_an_account()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);
        var texts = factory.Sms.Sent.Count(s => s.Phone == phone);

        var known = await Post(AccessApiPaths.PhoneVerificationCode, new { phone });
        var unknown = await Post(AccessApiPaths.PhoneVerificationCode, new { phone = AccessFlows.NewPhone() });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(texts + 1, factory.Sms.Sent.Count(s => s.Phone == phone));
    }

    [Fact]
    public async Task Signing_in_returns_tokens_that_open_the_account()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone, name: "Chen Jie");

        var session = await factory.SignInAsync(phone);
        var me = await factory.MeAsync(session);

        Assert.Equal("Chen Jie", me.DisplayName);
        Assert.Equal(phone, me.Phone);
        Assert.True(session.AccessTokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.True(session.RefreshTokenExpiresAt > DateTimeOffset.UtcNow.AddDays(29));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_phone_get_the_same_401()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);

        var wrongPassword = await Post(AccessApiPaths.SignIn, new { phone, password = "Wrong-passw0rd" });
        var unknownPhone = await Post(AccessApiPaths.SignIn, new { phone = AccessFlows.NewPhone(), password = AccessFlows.Password });

        var first = await AssertProblem(wrongPassword, HttpStatusCode.Unauthorized);
        var second = await AssertProblem(unknownPhone, HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_malformed_phone_at_sign_in_is_a_validation_problem()
    {
        var response = await Post(AccessApiPaths.SignIn, new { phone = "138-abc", password = AccessFlows.Password });

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);
        for (var i = 0; i < 4; i++)
        {
            await AssertProblem(await Post(AccessApiPaths.SignIn, new { phone, password = "Wrong-passw0rd" }), HttpStatusCode.Unauthorized);
        }

        var fifth = await Post(AccessApiPaths.SignIn, new { phone, password = "Wrong-passw0rd" });
        var right = await Post(AccessApiPaths.SignIn, new { phone, password = AccessFlows.Password });

        await AssertProblem(fifth, HttpStatusCode.TooManyRequests);
        await AssertProblem(right, HttpStatusCode.TooManyRequests);
        Assert.InRange(right.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_tampered_access_token_is_refused()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();
        var parts = session.AccessToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url(parts[1]))!;
        payload["role"] = JsonSerializer.SerializeToElement(new[] { "platform-admin" });
        var forged = $"{parts[0]}.{Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";

        var response = await factory.ClientFor(session with { AccessToken = forged }).GetAsync(Routes.Of(AccessApiPaths.Me));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_other_sessions()
    {
        var (phone, session) = await factory.NewVerifiedPersonAsync();
        var client = factory.ClientFor(session);

        var wrongCurrent = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.MyPassword), new { currentPassword = "nope-1234", newPassword = "Rice-wine-2027" });
        var weak = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.MyPassword), new { currentPassword = AccessFlows.Password, newPassword = "weak" });
        var changed = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.MyPassword), new { currentPassword = AccessFlows.Password, newPassword = "Rice-wine-2027" });

        await AssertProblem(wrongCurrent, HttpStatusCode.BadRequest);
        await AssertProblem(weak, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        await AssertProblem(await Post(AccessApiPaths.RefreshToken, new { refreshToken = session.RefreshToken }), HttpStatusCode.Unauthorized);
        await AssertProblem(await Post(AccessApiPaths.SignIn, new { phone, password = AccessFlows.Password }), HttpStatusCode.Unauthorized);
        await factory.SignInAsync(phone, "Rice-wine-2027");
    }

    [Fact]
    public async Task Account_endpoints_need_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(AccessApiPaths.SignOut, new { refreshToken = "x" })).StatusCode);
    }

    private static byte[] Base64Url(string value) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(value);

    private Task<HttpResponseMessage> Post(string route, object body) => _anonymous.PostAsJsonAsync(Routes.Of(route), body);

    private async Task<bool> PhoneVerifiedAsync(string phone)
    {
        var session = await factory.SignInAsync(phone);
        var me = await factory.MeAsync(session);
        return me.PhoneVerified;
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
