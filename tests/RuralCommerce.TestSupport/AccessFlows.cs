using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using RuralCommerce.Access;
using Xunit;

namespace RuralCommerce.TestSupport;

/// <summary>A signed-in session as the API hands it out.</summary>
public sealed record Session(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

/// <summary>What <c>GET /api/access/me</c> tells about the signed-in person, as other modules' tests read it.</summary>
public sealed record Me(
    Guid AccountId, string Phone, string DisplayName, bool PhoneVerified, IReadOnlyList<string> PlatformRoles, IReadOnlyList<MembershipClaim> Memberships);

public sealed record MembershipClaim(Guid CooperativeId, Guid MemberId, IReadOnlyList<string> Roles, string Status);

/// <summary>The real account flows over HTTP: register, verify the phone with the texted code, sign in.</summary>
public static class AccessFlows
{
    public const string Password = "Mushr00ms-on-corn-cobs";

    private static int _nextPhone = Random.Shared.Next(10_000_000, 80_000_000);

    /// <summary>A mainland mobile number no other test uses.</summary>
    public static string NewPhone() => $"+86139{Interlocked.Increment(ref _nextPhone):D8}";

    public static async Task RegisterAsync(this ApiFactory factory, string phone, string password = Password, string name = "Li Wei")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var response = await factory.CreateClient().PostAsJsonAsync(
            Url(AccessApiPaths.Register), new { phone, displayName = name, password });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Confirms the registration with the texted code and the password chosen at registration.</summary>
    public static async Task VerifyPhoneAsync(this ApiFactory factory, string phone, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var response = await factory.CreateClient().PostAsJsonAsync(
            Url(AccessApiPaths.PhoneVerification), new { phone, code = factory.Sms.LastCodeFor(phone), password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The account id of a session, as <c>GET /api/access/me</c> tells it.</summary>
    public static async Task<Guid> AccountIdAsync(this ApiFactory factory, Session session) => (await factory.MeAsync(session)).AccountId;

    public static async Task<Me> MeAsync(this ApiFactory factory, Session session) =>
        (await factory.ClientFor(session).GetFromJsonAsync<Me>(Url(AccessApiPaths.Me)))!;

    /// <summary>
    /// Polls Access until the person's account holds an active membership of the cooperative (the Cooperatives
    /// notification has arrived), then signs in for a token that carries it.
    /// </summary>
    public static async Task<(Session Session, Guid MemberId)> WaitForMembershipAsync(this ApiFactory factory, string phone, Guid cooperativeId)
    {
        var memberId = Guid.Empty;
        await Eventually.HoldsAsync(
            async () =>
            {
                var me = await factory.MeAsync(await factory.SignInAsync(phone));
                var membership = me.Memberships.FirstOrDefault(m => m.CooperativeId == cooperativeId && m.Status == "Active");
                memberId = membership?.MemberId ?? Guid.Empty;
                return membership is not null;
            },
            "the membership reached Access");
        return (await factory.SignInAsync(phone), memberId);
    }

    /// <summary>One sign-in attempt, whatever it answers.</summary>
    public static Task<HttpResponseMessage> TrySignInAsync(this ApiFactory factory, string phone, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient().PostAsJsonAsync(Url(AccessApiPaths.SignIn), new { phone, password });
    }

    public static async Task<Session> SignInAsync(this ApiFactory factory, string phone, string password = Password)
    {
        using var response = await factory.TrySignInAsync(phone, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Session>())!;
    }

    /// <summary>Registers, verifies and signs in a new person; returns the phone and the session.</summary>
    public static async Task<(string Phone, Session Session)> NewVerifiedPersonAsync(this ApiFactory factory, string name = "Li Wei")
    {
        var phone = NewPhone();
        await factory.RegisterAsync(phone, name: name);
        await factory.VerifyPhoneAsync(phone);
        return (phone, await factory.SignInAsync(phone));
    }

    /// <summary>A client whose requests come from <paramref name="address"/> (the test host honours it; see <see cref="ApiFactory"/>).</summary>
    public static HttpClient ClientFrom(this ApiFactory factory, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, address);
        return client;
    }

    public static HttpClient ClientFor(this ApiFactory factory, Session session)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(session);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        return client;
    }

    private static Uri Url(string route) => new(AccessApiPaths.Url(route), UriKind.Relative);
}
