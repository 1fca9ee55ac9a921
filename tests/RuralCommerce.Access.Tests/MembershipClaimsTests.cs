using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Access.Tests;

/// <summary>Memberships reach Access only through the Cooperatives module's notifications, and only verified phones get them.</summary>
public sealed class MembershipClaimsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_member_who_joined_under_a_verified_phone_gets_the_membership_in_their_token()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var cooperativeId = Guid.CreateVersion7();
        var memberId = Guid.CreateVersion7();

        await factory.PublishAsync("Cooperatives", Joined(cooperativeId, memberId, phone, MemberRoles.Seller));
        await Eventually.HoldsAsync(async () => (await MembershipsAsync(phone)).Count == 1, "Access linked the membership");
        var token = await factory.SignInAsync(phone);

        Assert.Contains($"{cooperativeId:D}|{memberId:D}|Seller", MembershipClaims(token));
    }

    [Fact]
    public async Task Someone_who_registered_a_members_number_without_verifying_it_gets_nothing_until_they_verify()
    {
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);
        var memberId = Guid.CreateVersion7();
        var probe = Guid.CreateVersion7();

        await factory.PublishAsync("Cooperatives", Joined(Guid.CreateVersion7(), memberId, phone, MemberRoles.Admin));
        await factory.PublishAsync("Cooperatives", Joined(Guid.CreateVersion7(), probe, AccessFlows.NewPhone(), MemberRoles.Seller));
        await WaitUntilProcessedAsync(probe);

        Assert.Empty(await MembershipsAsync(phone));
        Assert.Empty(MembershipClaims(await factory.SignInAsync(phone)));

        await factory.VerifyPhoneAsync(phone);
        Assert.Single(await MembershipsAsync(phone));
    }

    [Fact]
    public async Task Role_changes_and_leaving_follow_the_cooperatives_notifications()
    {
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var cooperativeId = Guid.CreateVersion7();
        var memberId = Guid.CreateVersion7();

        await factory.PublishAsync("Cooperatives", Joined(cooperativeId, memberId, phone, MemberRoles.Seller));
        await factory.PublishAsync("Cooperatives", new MemberRoleGrantedIntegrationEvent(cooperativeId, memberId, MemberRoles.Trainer));
        await factory.PublishAsync("Cooperatives", new MemberRoleRevokedIntegrationEvent(cooperativeId, memberId, MemberRoles.Seller));
        await Eventually.HoldsAsync(
            async () => (await MembershipsAsync(phone)).SingleOrDefault() is { } m && Roles(m).SequenceEqual(["Trainer"]),
            "the role changes arrived");

        await factory.PublishAsync("Cooperatives", new MemberLeftIntegrationEvent(cooperativeId, memberId));
        await Eventually.HoldsAsync(
            async () => (await MembershipsAsync(phone)).Single().Status == "Left",
            "the member left");

        Assert.Empty(MembershipClaims(await factory.SignInAsync(phone)));
    }

    private static MemberJoinedIntegrationEvent Joined(Guid cooperativeId, Guid memberId, string phone, string role) =>
        new(cooperativeId, memberId, "Li Wei", phone, "Xiaozhai", [role], AccountId: null, JoinedOn: new DateOnly(2026, 11, 1));

    private static IEnumerable<string> Roles(MembershipClaim membership) => membership.Roles;

    private async Task<List<MembershipClaim>> MembershipsAsync(string phone)
    {
        var me = await factory.MeAsync(await factory.SignInAsync(phone));
        return me.Memberships.ToList();
    }

    private async Task WaitUntilProcessedAsync(Guid memberId)
    {
        // A later event on the same outbox: once it is handled, every earlier one has been too.
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
                return await db.Memberships.AnyAsync(m => m.MemberId == memberId);
            },
            "the later notification was handled");
    }

    private static List<string> MembershipClaims(Session session)
    {
        var payload = JsonDocument.Parse(WebEncoders.Base64UrlDecode(session.AccessToken.Split('.')[1])).RootElement;
        if (!payload.TryGetProperty("coop", out var coop))
        {
            return [];
        }

        return coop.ValueKind == JsonValueKind.Array
            ? coop.EnumerateArray().Select(c => c.GetString()!).ToList()
            : [coop.GetString()!];
    }
}
