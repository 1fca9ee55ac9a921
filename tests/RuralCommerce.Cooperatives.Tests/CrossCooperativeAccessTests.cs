using System.Net;
using RuralCommerce.Cooperatives.Features.CorrectMemberDetails;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

/// <summary>An administrator of cooperative A holds a valid token; none of cooperative B's routes may open to it.</summary>
public sealed class CrossCooperativeAccessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_of_one_cooperative_is_forbidden_everywhere_in_another()
    {
        var a = await CooperativeScenario.CreateAsync(factory);
        var b = await CooperativeScenario.CreateAsync(factory);
        var bMember = (await b.AddMemberAsync()).MemberId;
        var other = b.CooperativeId;
        var spy = a.Admin;

        var attempts = new (string Call, Func<Task<HttpStatusCode>> Answer)[]
        {
            ("GetCooperative", async () => (await spy.GetCooperative(other)).Status),
            ("Overview", async () => (await spy.Overview(other)).Status),
            ("ListMembers", async () => (await spy.ListMembers(other)).Status),
            ("ExportMembers", async () => (await spy.ExportMembers(other)).StatusCode),
            ("GetMember", async () => (await spy.GetMember(other, bMember)).Status),
            ("AddMember", async () => (await spy.AddMember(other, TestData.Farmer("Spy", village: "X"))).Status),
            ("Suspend", async () => (await spy.Suspend(other, bMember)).Status),
            ("CorrectDetails", async () => (await spy.CorrectDetails(other, bMember, new CorrectMemberDetailsRequest("Renamed", "X", null))).Status),
            ("Leave", async () => (await spy.Leave(other, bMember)).Status),
            ("GrantRole", async () => (await spy.GrantRole(other, bMember, "Admin")).Status),
            ("RevokeRole", async () => (await spy.RevokeRole(other, b.AdminMemberId, "Admin")).Status),
            ("SubscribeShares", async () => (await spy.SubscribeShares(other, bMember, 1)).Status),
            ("TransferShares", async () => (await spy.TransferShares(other, bMember, b.AdminMemberId, 1)).Status),
            ("ChargeDues", async () => (await spy.ChargeDues(other, 2026, 10m)).Status),
            ("Arrears", async () => (await spy.Arrears(other)).Status),
        };

        foreach (var (call, answer) in attempts)
        {
            var status = await answer();
            Assert.True(status == HttpStatusCode.Forbidden, $"{call} on another cooperative answered {(int)status}.");
        }

        Assert.Equal(HttpStatusCode.OK, (await b.Admin.GetMember(other, bMember)).Status);
        Assert.Equal(0, (await b.Admin.Overview(other)).Body.SharesOutstanding);
    }

    [Fact]
    public async Task An_ordinary_member_sees_themself_but_not_other_members_or_the_register()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var self = (await scenario.AddMemberAsync(phone: phone)).MemberId;
        var member = await CooperativeScenario.SignedInMemberAsync(factory, phone, scenario.CooperativeId);
        var cooperative = scenario.CooperativeId;

        Assert.Equal(HttpStatusCode.OK, (await member.GetMember(cooperative, self)).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.Overview(cooperative)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetMember(cooperative, scenario.AdminMemberId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.ListMembers(cooperative)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Suspend(cooperative, scenario.AdminMemberId)).Status);
    }
}
