using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.TestSupport;
using static RuralCommerce.Access.Tests.AccountApiTests;

namespace RuralCommerce.Access.Tests;

/// <summary>
/// A stranger registers a cooperative administrator's number with a password of their own, hoping the owner will
/// type in the code they receive. Verifying needs the registration's password too, the owner's own registration
/// replaces the stranger's, and the owner can always take the number back with a texted code.
/// </summary>
public sealed class AccountTakeoverTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string StrangersPassword = "Stranger-0wns-this";
    private const string OwnersPassword = "Owner-s-own-2026";
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task The_owner_typing_in_the_code_does_not_hand_the_strangers_account_their_membership()
    {
        var (phone, cooperativeId) = await StrangerRegistersAnAdministratorsNumberAsync();
        var code = factory.Sms.LastCodeFor(phone);

        var withoutPassword = await Post(AccessApiPaths.PhoneVerification, new { phone, code });
        var withOwnersPassword = await Post(AccessApiPaths.PhoneVerification, new { phone, code, password = OwnersPassword });

        var errors = (await AssertProblem(withoutPassword, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("password", out _));
        await AssertProblem(withOwnersPassword, HttpStatusCode.BadRequest);
        var stranger = await factory.SignInAsync(phone, StrangersPassword);
        var me = await MeAsync(stranger);
        Assert.False(me.PhoneVerified);
        Assert.Empty(me.Memberships);
        Assert.DoesNotContain(cooperativeId.ToString(), Claims(stranger), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owners_own_registration_replaces_the_strangers_and_ends_its_sessions()
    {
        var (phone, cooperativeId) = await StrangerRegistersAnAdministratorsNumberAsync();
        var stranger = await factory.SignInAsync(phone, StrangersPassword);

        Assert.Equal(HttpStatusCode.Accepted, (await Post(AccessApiPaths.Register, new { phone, displayName = "Wang Fang", password = OwnersPassword })).StatusCode);
        await factory.VerifyPhoneAsync(phone, OwnersPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientFor(stranger).GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        await AssertProblem(await Post(AccessApiPaths.RefreshToken, new { refreshToken = stranger.RefreshToken }), HttpStatusCode.Unauthorized);
        await AssertProblem(await Post(AccessApiPaths.SignIn, new { phone, password = StrangersPassword }), HttpStatusCode.Unauthorized);
        var owner = await factory.SignInAsync(phone, OwnersPassword);
        var me = await MeAsync(owner);
        Assert.Equal("Wang Fang", me.DisplayName);
        Assert.True(me.PhoneVerified);
        Assert.Contains($"{cooperativeId:D}|", Claims(owner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_takes_the_number_back_by_choosing_a_new_password_with_a_texted_code()
    {
        var (phone, cooperativeId) = await StrangerRegistersAnAdministratorsNumberAsync();
        var stranger = await factory.SignInAsync(phone, StrangersPassword);
        Assert.Equal(HttpStatusCode.Accepted, (await Post(AccessApiPaths.PhoneVerificationCode, new { phone })).StatusCode);

        var reset = await Post(AccessApiPaths.PasswordReset, new { phone, code = factory.Sms.LastCodeFor(phone), newPassword = OwnersPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientFor(stranger).GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        await AssertProblem(await Post(AccessApiPaths.SignIn, new { phone, password = StrangersPassword }), HttpStatusCode.Unauthorized);
        var owner = await factory.SignInAsync(phone, OwnersPassword);
        var me = await MeAsync(owner);
        Assert.True(me.PhoneVerified);
        Assert.Equal(RuralCommerce.SharedKernel.PhoneNumber.Parse(phone).Masked, me.DisplayName);
        Assert.Contains($"{cooperativeId:D}|", Claims(owner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_and_a_code_works_once()
    {
        var (phone, session) = await factory.NewVerifiedPersonAsync();
        var other = await factory.SignInAsync(phone);
        await Post(AccessApiPaths.PhoneVerificationCode, new { phone });
        var code = factory.Sms.LastCodeFor(phone);

        var weak = await Post(AccessApiPaths.PasswordReset, new { phone, code, newPassword = "weak" });
        var reset = await Post(AccessApiPaths.PasswordReset, new { phone, code, newPassword = "Tea-terraces-2027" });
        var again = await Post(AccessApiPaths.PasswordReset, new { phone, code, newPassword = "Tea-terraces-2028" });

        await AssertProblem(weak, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await AssertProblem(again, HttpStatusCode.BadRequest);
        foreach (var ended in new[] { session, other })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientFor(ended).GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        }

        await AssertProblem(await Post(AccessApiPaths.SignIn, new { phone, password = AccessFlows.Password }), HttpStatusCode.Unauthorized);
        await factory.SignInAsync(phone, "Tea-terraces-2027");
    }

    [Fact]
    public async Task A_reset_for_a_number_without_an_account_answers_like_a_wrong_code()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var unknown = AccessFlows.NewPhone();
        await Post(AccessApiPaths.PhoneVerificationCode, new { phone = unknown });

        var forUnknown = await AssertProblem(await Post(AccessApiPaths.PasswordReset, new { phone = unknown, code = "123456", newPassword = "Tea-terraces-2027" }), HttpStatusCode.BadRequest);
        var wrongCode = await AssertProblem(await Post(AccessApiPaths.PasswordReset, new { phone, code = WrongCodeFor(phone), newPassword = "Tea-terraces-2027" }), HttpStatusCode.BadRequest);

        Assert.Equal(wrongCode.GetProperty("errors").ToString(), forUnknown.GetProperty("errors").ToString());
        Assert.DoesNotContain(factory.Sms.Sent, s => s.Phone == unknown);
    }

    [Fact]
    public async Task The_owner_of_a_verified_number_signs_in_with_a_texted_code()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync("Chen Jie");
        await Post(AccessApiPaths.PhoneVerificationCode, new { phone });
        var code = factory.Sms.LastCodeFor(phone);

        var wrong = await Post(AccessApiPaths.SignInWithCode, new { phone, code = WrongCodeFor(phone) });
        var right = await Post(AccessApiPaths.SignInWithCode, new { phone, code });
        var reused = await Post(AccessApiPaths.SignInWithCode, new { phone, code });

        await AssertProblem(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var session = (await right.Content.ReadFromJsonAsync<Session>())!;
        Assert.Equal("Chen Jie", (await MeAsync(session)).DisplayName);
        await AssertProblem(reused, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_code_does_not_sign_anyone_into_a_registration_that_was_never_verified()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone, StrangersPassword);

        var response = await Post(AccessApiPaths.SignInWithCode, new { phone, code = factory.Sms.LastCodeFor(phone) });

        await AssertProblem(response, HttpStatusCode.Conflict);
        // The code was not spent: the owner can still use it to choose a password of their own.
        Assert.Equal(HttpStatusCode.NoContent, (await Post(AccessApiPaths.PasswordReset, new { phone, code = factory.Sms.LastCodeFor(phone), newPassword = OwnersPassword })).StatusCode);
    }

    /// <summary>The stranger registers the number first; then the number becomes an administrator of a cooperative.</summary>
    private async Task<(string Phone, Guid CooperativeId)> StrangerRegistersAnAdministratorsNumberAsync()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone, StrangersPassword, "Not the owner");
        var cooperativeId = Guid.CreateVersion7();
        var memberId = Guid.CreateVersion7();
        await factory.PublishAsync("Cooperatives", new MemberJoinedIntegrationEvent(
            cooperativeId, memberId, "Wang Fang", phone, "Xiaozhai", [MemberRoles.Admin], AccountId: null, JoinedOn: new DateOnly(2026, 11, 1)));
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Memberships.AnyAsync(m => m.MemberId == memberId);
            },
            "Access recorded the membership");
        return (phone, cooperativeId);
    }

    private string WrongCodeFor(string phone) => factory.Sms.LastCodeFor(phone) == "000000" ? "111111" : "000000";

    private Task<Me> MeAsync(Session session) => factory.MeAsync(session);

    private static string Claims(Session session) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(session.AccessToken.Split('.')[1])).RootElement.ToString();

    private Task<HttpResponseMessage> Post(string route, object body) => _anonymous.PostAsJsonAsync(Routes.Of(route), body);
}
