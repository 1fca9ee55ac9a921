using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Persistence;
using RuralCommerce.TestSupport;
using static RuralCommerce.Access.Tests.AccountApiTests;

namespace RuralCommerce.Access.Tests;

public sealed class SessionApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Refreshing_rotates_the_refresh_token()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();

        var next = await RefreshAsync(session.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var renewed = (await next.Content.ReadFromJsonAsync<Session>())!;
        Assert.NotEqual(session.RefreshToken, renewed.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(renewed).GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
    }

    [Fact]
    public async Task A_phone_that_lost_the_answer_may_retry_with_the_same_token_and_keeps_one_live_token()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();
        var lost = await RefreshAsync(session.RefreshToken);

        var retry = await RefreshAsync(session.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var kept = (await retry.Content.ReadFromJsonAsync<Session>())!;
        var neverSeen = (await lost.Content.ReadFromJsonAsync<Session>())!;
        await AssertProblem(await RefreshAsync(neverSeen.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(1, await ActiveTokensInFamilyOfAsync(kept.RefreshToken));
    }

    [Fact]
    public async Task Two_tabs_refreshing_at_once_leave_exactly_one_live_token()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();

        var responses = await Task.WhenAll(RefreshAsync(session.RefreshToken), RefreshAsync(session.RefreshToken));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var winner = (await responses.First(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<Session>())!;
        Assert.Equal(1, await ActiveTokensInFamilyOfAsync(winner.RefreshToken));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_once_and_leaves_other_sessions_alone()
    {
        var (phone, session) = await factory.NewVerifiedPersonAsync();
        var otherPhone = await factory.SignInAsync(phone);
        var client = factory.ClientFor(session);

        var tooLong = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignOut), new { refreshToken = new string('a', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var first = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignOut), new { refreshToken = session.RefreshToken });
        var second = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.SignOut), new { refreshToken = session.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await AssertProblem(await RefreshAsync(session.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(otherPhone).GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(otherPhone.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_missing_refresh_token_is_refused()
    {
        await AssertProblem(await RefreshAsync("not-a-token"), HttpStatusCode.Unauthorized);
        await AssertProblem(await RefreshAsync(""), HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        factory.CreateClient().PostAsJsonAsync(Routes.Of(AccessApiPaths.RefreshToken), new { refreshToken });

    private async Task<int> ActiveTokensInFamilyOfAsync(string refreshToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var hash = RefreshToken.Hash(refreshToken);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.FamilyId).SingleAsync();
        return await db.RefreshTokens.CountAsync(t => t.FamilyId == familyId && t.RotatedAt == null && t.RevokedAt == null);
    }
}

/// <summary>With no grace for lost answers, any second use of a refresh token is treated as theft.</summary>
public sealed class NoGraceApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Access:RefreshTokenReuseGrace"] = "00:00:00" };
}

public sealed class RefreshTokenTheftTests(NoGraceApiFactory factory) : IClassFixture<NoGraceApiFactory>
{
    [Fact]
    public async Task A_reused_refresh_token_revokes_its_whole_family()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();
        var client = factory.CreateClient();
        var legitimate = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.RefreshToken), new { refreshToken = session.RefreshToken });
        var current = (await legitimate.Content.ReadFromJsonAsync<Session>())!;

        var thief = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.RefreshToken), new { refreshToken = session.RefreshToken });
        var victim = await client.PostAsJsonAsync(Routes.Of(AccessApiPaths.RefreshToken), new { refreshToken = current.RefreshToken });

        await AssertProblem(thief, HttpStatusCode.Unauthorized);
        await AssertProblem(victim, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientFor(current).GetAsync(Routes.Of(AccessApiPaths.Me))).StatusCode);
    }
}
