using System.Net;
using System.Net.Http.Json;
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
        var bMember = (await b.AddMemberAsync()).GetProperty("memberId").GetGuid();
        var year = 2026;

        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, b.Path(), null),
            (HttpMethod.Get, b.Path("/overview"), null),
            (HttpMethod.Get, b.Path("/members"), null),
            (HttpMethod.Get, b.Path("/members/export"), null),
            (HttpMethod.Get, b.Path($"/members/{bMember}"), null),
            (HttpMethod.Post, b.Path("/members"), new { name = "Spy", phone = AccessFlows.NewPhone(), village = "X" }),
            (HttpMethod.Post, b.Path($"/members/{bMember}/suspend"), null),
            (HttpMethod.Put, b.Path($"/members/{bMember}/details"), new { name = "Renamed", village = "X" }),
            (HttpMethod.Post, b.Path($"/members/{bMember}/leave"), null),
            (HttpMethod.Post, b.Path($"/members/{bMember}/roles"), new { role = "Admin" }),
            (HttpMethod.Delete, b.Path($"/members/{b.AdminMemberId}/roles/Admin"), null),
            (HttpMethod.Post, b.Path($"/members/{bMember}/shares"), new { count = 1 }),
            (HttpMethod.Post, b.Path("/share-transfers"), new { fromMemberId = bMember, toMemberId = b.AdminMemberId, count = 1 }),
            (HttpMethod.Post, b.Path($"/dues/{year}/charges"), new { amount = 10 }),
            (HttpMethod.Get, b.Path("/dues/arrears"), null),
        };

        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await a.Admin.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}.");
        }

        var member = await b.Admin.GetAsync(new Uri(b.Path($"/members/{bMember}"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(0, (await b.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(b.Path("/overview"), UriKind.Relative))).GetProperty("sharesOutstanding").GetInt32());
    }

    [Fact]
    public async Task An_ordinary_member_sees_themself_but_not_other_members_or_the_register()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var self = (await scenario.AddMemberAsync(phone: phone)).GetProperty("memberId").GetGuid();
        var (session, _) = await CooperativeScenario.WaitForMembershipAsync(factory, phone, scenario.CooperativeId);
        var member = factory.ClientFor(session);

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(scenario.Path($"/members/{self}"), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(scenario.Path("/overview"), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri(scenario.Path($"/members/{scenario.AdminMemberId}"), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(new Uri(scenario.Path("/members"), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync(new Uri(scenario.Path($"/members/{scenario.AdminMemberId}/suspend"), UriKind.Relative), null)).StatusCode);
    }
}
