using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.TestSupport;
using static RuralCommerce.Access.Tests.AccountApiTests;

namespace RuralCommerce.Access.Tests;

/// <summary>A fresh install configured with its first administrator, and nothing else.</summary>
public sealed class BootstrapAdminApiFactory : ApiFactory
{
    public const string AdminPhone = "+8613700137000";
    public const string AdminPassword = "First-admin-2026";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Access:BootstrapAdmin:Phone"] = AdminPhone,
        ["Access:BootstrapAdmin:Password"] = AdminPassword,
        ["Access:BootstrapAdmin:DisplayName"] = "County operator",
    };
}

public sealed class PlatformAdminTests(BootstrapAdminApiFactory factory) : IClassFixture<BootstrapAdminApiFactory>
{
    [Fact]
    public async Task The_configured_first_administrator_can_sign_in_and_operate_the_platform()
    {
        var session = await factory.SignInAsync(BootstrapAdminApiFactory.AdminPhone, BootstrapAdminApiFactory.AdminPassword);
        var client = factory.ClientFor(session);

        var me = await factory.MeAsync(session);
        var parked = await client.GetAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.ParkedMessages), UriKind.Relative));

        Assert.Equal(["platform-admin"], me.PlatformRoles);
        Assert.True(me.PhoneVerified);
        Assert.Equal(HttpStatusCode.OK, parked.StatusCode);
    }

    [Fact]
    public async Task An_administrator_can_make_a_verified_account_an_administrator()
    {
        var admin = factory.ClientFor(await factory.SignInAsync(BootstrapAdminApiFactory.AdminPhone, BootstrapAdminApiFactory.AdminPassword));
        var (phone, session) = await factory.NewVerifiedPersonAsync();
        var accountId = (await factory.MeAsync(session)).AccountId;
        var unverifiedPhone = AccessFlows.NewPhone();
        await factory.RegisterAsync(unverifiedPhone);
        var unverifiedId = await factory.AccountIdAsync(await factory.SignInAsync(unverifiedPhone));

        var notAdmin = await factory.ClientFor(session).PostAsJsonAsync(Routes.Of(AccessApiPaths.PlatformRoles, accountId), new { role = "platform-admin" });
        var badRole = await admin.PostAsJsonAsync(Routes.Of(AccessApiPaths.PlatformRoles, accountId), new { role = "emperor" });
        var unknown = await admin.PostAsJsonAsync(Routes.Of(AccessApiPaths.PlatformRoles, Guid.CreateVersion7()), new { role = "platform-admin" });
        var unverified = await admin.PostAsJsonAsync(Routes.Of(AccessApiPaths.PlatformRoles, unverifiedId), new { role = "platform-admin" });
        var granted = await admin.PostAsJsonAsync(Routes.Of(AccessApiPaths.PlatformRoles, accountId), new { role = "platform-admin" });

        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        await AssertProblem(badRole, HttpStatusCode.BadRequest);
        await AssertProblem(unknown, HttpStatusCode.NotFound);
        await AssertProblem(unverified, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
        var promoted = factory.ClientFor(await factory.SignInAsync(phone));
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.ParkedMessages), UriKind.Relative))).StatusCode);
    }
}

/// <summary>Three credential requests per window per address.</summary>
public sealed class StrictRateLimitApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Access:CredentialRateLimit:PermitLimit"] = "3", ["Access:CredentialRateLimit:Window"] = "00:10:00" };
}

public sealed class RateLimitTests(StrictRateLimitApiFactory factory) : IClassFixture<StrictRateLimitApiFactory>
{
    [Fact]
    public async Task Hammering_sign_in_is_refused_with_429()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone = AccessFlows.NewPhone(), password = "Guess-1234" });
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                await AssertProblem(response, HttpStatusCode.TooManyRequests);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var refused = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignIn), new { phone = AccessFlows.NewPhone(), password = "Guess-1234" });
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
    }
}
