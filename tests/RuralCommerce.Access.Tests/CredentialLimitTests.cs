using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.TestSupport;
using static RuralCommerce.Access.Tests.AccountApiTests;

namespace RuralCommerce.Access.Tests;

/// <summary>The host with the limits it ships with (the other test hosts relax them).</summary>
public sealed class ShippedLimitsApiFactory : ApiFactory
{
    private static readonly AccessOptions Defaults = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Access:CredentialRateLimit:PermitLimit"] = Defaults.CredentialRateLimit.PermitLimit.ToString(CultureInfo.InvariantCulture),
        ["Access:VerificationCodeCooldown"] = Defaults.VerificationCodeCooldown.ToString(),
        ["Access:CodesPerPhone:PermitLimit"] = Defaults.CodesPerPhone.PermitLimit.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>With the limits the host ships with: a village hall's network is not a threat.</summary>
public sealed class ShippedLimitTests(ShippedLimitsApiFactory factory) : IClassFixture<ShippedLimitsApiFactory>
{
    public const string VillageHall = "203.0.113.7";

    [Fact]
    public async Task Forty_farmers_register_verify_and_sign_in_from_the_village_halls_network_within_a_minute()
    {
        var hall = factory.ClientFrom(VillageHall);
        var started = DateTime.UtcNow;
        var farmers = Enumerable.Range(0, 40).Select(_ => AccessFlows.NewPhone()).ToList();

        foreach (var phone in farmers)
        {
            var registered = await hall.PostAsJsonAsync(Routes.Of(AccessApiPaths.Register), new { phone, displayName = "Farmer", password = AccessFlows.Password });
            var verified = await hall.PostAsJsonAsync(Routes.Of(AccessApiPaths.PhoneVerification), new { phone, code = factory.Sms.LastCodeFor(phone), password = AccessFlows.Password });
            var signedIn = await hall.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = AccessFlows.Password });

            Assert.Equal(
                (HttpStatusCode.Accepted, HttpStatusCode.NoContent, HttpStatusCode.OK),
                (registered.StatusCode, verified.StatusCode, signedIn.StatusCode));
        }

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1), "all within the per-address window");
    }

    [Fact]
    public async Task Asking_for_codes_too_often_is_refused_alike_for_numbers_with_and_without_accounts()
    {
        var (known, _) = await factory.NewVerifiedPersonAsync();
        var unknown = AccessFlows.NewPhone();
        var client = factory.ClientFrom("192.0.2.60");
        await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.PhoneVerificationCode), new { phone = known });
        var texts = factory.Sms.Sent.Count;

        var knownAgain = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.PhoneVerificationCode), new { phone = known });
        var unknownFirst = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.PhoneVerificationCode), new { phone = unknown });
        var unknownAgain = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.PhoneVerificationCode), new { phone = unknown });
        var registerMeanwhile = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.Register), new { phone = known, displayName = "Li", password = AccessFlows.Password });

        Assert.Equal(HttpStatusCode.Accepted, unknownFirst.StatusCode);
        await AssertProblem(knownAgain, HttpStatusCode.TooManyRequests);
        await AssertProblem(unknownAgain, HttpStatusCode.TooManyRequests);
        Assert.Equal(knownAgain.Headers.RetryAfter?.Delta?.TotalSeconds > 0, unknownAgain.Headers.RetryAfter?.Delta?.TotalSeconds > 0);
        Assert.Equal(HttpStatusCode.Accepted, registerMeanwhile.StatusCode);
        Assert.Equal(texts, factory.Sms.Sent.Count);
    }
}

/// <summary>Limits that stop attackers: per number, and per number and address with progressive lock-outs.</summary>
public sealed class CredentialLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string VillageHall = ShippedLimitTests.VillageHall;
    private const string WrongPassword = "Wrong-passw0rd";

    [Fact]
    public async Task One_number_guessed_at_from_many_addresses_is_stopped_but_its_owner_still_gets_in_with_a_code()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var limit = new AccessOptions().FailuresPerPhone.PermitLimit;
        for (var i = 0; i < limit; i++)
        {
            var guess = await factory.ClientFrom($"198.51.100.{i + 1}").PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = WrongPassword });
            await AssertProblem(guess, HttpStatusCode.Unauthorized);
        }

        var fromYetAnotherAddress = await factory.ClientFrom("198.51.100.250").PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = WrongPassword });
        var ownerWithPassword = await factory.ClientFrom(VillageHall).PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = AccessFlows.Password });

        await AssertProblem(fromYetAnotherAddress, HttpStatusCode.TooManyRequests);
        await AssertProblem(ownerWithPassword, HttpStatusCode.TooManyRequests);
        Assert.NotNull(ownerWithPassword.Headers.RetryAfter?.Delta);
        var home = factory.ClientFrom("192.0.2.10");
        Assert.Equal(HttpStatusCode.Accepted, (await home.PostAsJsonAsync(Routes.Of(AccessApiPaths.PhoneVerificationCode), new { phone })).StatusCode);
        var withCode = await home.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignInWithCode), new { phone, code = factory.Sms.LastCodeFor(phone) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task A_lock_out_holds_for_the_number_on_one_network_only()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var attacker = factory.ClientFrom("198.51.100.77");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await attacker.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = WrongPassword })).StatusCode);
        }

        var attackerWithRightPassword = await attacker.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = AccessFlows.Password });
        var ownerAtHome = await factory.ClientFrom("192.0.2.44").PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = AccessFlows.Password });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], statuses);
        await AssertProblem(attackerWithRightPassword, HttpStatusCode.TooManyRequests);
        Assert.InRange(attackerWithRightPassword.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, ownerAtHome.StatusCode);
    }

    [Fact]
    public async Task An_unknown_number_locks_exactly_like_a_real_one()
    {
        var (known, _) = await factory.NewVerifiedPersonAsync();
        var unknown = AccessFlows.NewPhone();

        var forKnown = await FiveWrongSignInsAsync(known, "198.51.100.81");
        var forUnknown = await FiveWrongSignInsAsync(unknown, "198.51.100.82");

        Assert.Equal(forKnown, forUnknown);
        Assert.Equal(HttpStatusCode.TooManyRequests, forUnknown[^1].Status);
    }

    [Fact]
    public async Task Wrong_current_passwords_lock_like_wrong_sign_ins()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();
        var thief = factory.ClientFor(session);
        thief.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, "198.51.100.91");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var guess = await thief.PostAsJsonAsync(Routes.Of(AccessApiPaths.MyPassword), new { currentPassword = $"Guess-{i}-pass", newPassword = "Rice-wine-2027" });
            statuses.Add(guess.StatusCode);
        }

        var right = await thief.PostAsJsonAsync(Routes.Of(AccessApiPaths.MyPassword), new { currentPassword = AccessFlows.Password, newPassword = "Rice-wine-2027" });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 4), HttpStatusCode.TooManyRequests], statuses);
        await AssertProblem(right, HttpStatusCode.TooManyRequests);
        Assert.NotNull(right.Headers.RetryAfter);
    }

    private async Task<List<(HttpStatusCode Status, string? Detail)>> FiveWrongSignInsAsync(string phone, string address)
    {
        var client = factory.ClientFrom(address);
        var answers = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone, password = WrongPassword });
            var problem = await AssertProblem(response, response.StatusCode);
            answers.Add((response.StatusCode, problem.GetProperty("detail").GetString()));
        }

        return answers;
    }
}
