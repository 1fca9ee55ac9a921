using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

/// <summary>
/// One test per response pins its JSON on the wire; every other test reads typed bodies, so a renamed property
/// would otherwise go unnoticed by them (both sides would rename together).
/// </summary>
public sealed class WireFormatTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Cooperatives_and_their_overview()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);

        var cooperative = await scenario.Admin.GetCooperative(scenario.CooperativeId);
        var list = await scenario.Admin.ListCooperatives();
        var overview = await scenario.Admin.Overview(scenario.CooperativeId);

        Assert.Equal(
            ["cooperativeId", "name", "creditCode", "province", "county", "township", "village", "contactPhone", "serviceCentre", "foundedOn", "sharePrice", "status", "registeredAt"],
            JsonShape.Of(cooperative.Text));
        Assert.Equal(
            ["items", "items[].cooperativeId", "items[].name", "items[].province", "items[].county", "items[].township", "items[].status", "page", "pageSize", "totalCount"],
            JsonShape.Of(list.Text));
        Assert.Equal(
            ["cooperativeId", "name", "status",
             "membersByStatus", "membersByStatus.Applied", "membersByStatus.Active", "membersByStatus.Suspended", "membersByStatus.Left", "membersByStatus.Rejected",
             "activeMembersByRole", "activeMembersByRole.Admin", "activeMembersByRole.Seller", "activeMembersByRole.LivestreamHost", "activeMembersByRole.Trainer",
             "sharesOutstanding", "sharesValue", "duesInArrears", "duesArrearsAmount"],
            JsonShape.Of(overview.Text));
    }

    [Fact]
    public async Task Members_and_the_register()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        string[] member = ["memberId", "cooperativeId", "name", "phone", "village", "idCardNumber", "status", "roles", "shares", "joinedOn", "appliedAt"];

        var one = await scenario.Admin.GetMember(scenario.CooperativeId, scenario.AdminMemberId);
        var register = await scenario.Admin.ListMembers(scenario.CooperativeId);

        Assert.Equal(member, JsonShape.Of(one.Text));
        Assert.Equal(["items", .. member.Select(p => "items[]." + p), "page", "pageSize", "totalCount"], JsonShape.Of(register.Text));
    }

    [Fact]
    public async Task Shares_and_dues()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (admin, cooperative) = (scenario.Admin, scenario.CooperativeId);
        var taker = (await scenario.AddMemberAsync()).MemberId;
        string[] movement = ["memberId", "count", "value", "sharesHeld"];

        var subscribed = await admin.SubscribeShares(cooperative, scenario.AdminMemberId, 2);
        var transferred = await admin.TransferShares(cooperative, scenario.AdminMemberId, taker, 1);
        var charged = await admin.ChargeDues(cooperative, 2026, 10m);
        var paid = await admin.PayDues(cooperative, taker, 2026);
        var arrears = await admin.Arrears(cooperative, "?year=2026");

        Assert.Equal(movement, JsonShape.Of(subscribed.Text));
        Assert.Equal(["from", .. movement.Select(p => "from." + p), "to", .. movement.Select(p => "to." + p)], JsonShape.Of(transferred.Text));
        Assert.Equal(["year", "amount", "charged", "alreadyCharged"], JsonShape.Of(charged.Text));
        Assert.Equal(["memberId", "year", "amount", "chargedAt", "paidAt"], JsonShape.Of(paid.Text));
        Assert.Equal(
            ["page", "page.items", "page.items[].memberId", "page.items[].memberName", "page.items[].phone", "page.items[].year", "page.items[].amount", "page.items[].chargedAt",
             "page.page", "page.pageSize", "page.totalCount", "totalAmount"],
            JsonShape.Of(arrears.Text));
    }
}
