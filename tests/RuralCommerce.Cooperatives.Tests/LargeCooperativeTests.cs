using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.ChargeDues;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

/// <summary>A county federation with 50,000 members, seeded straight into its database.</summary>
public sealed class LargeCooperativeFixture : IAsyncLifetime
{
    public const int SeededMembers = 50_000;

    public ApiFactory Factory { get; } = new();

    internal CooperativeScenario Scenario { get; private set; } = null!;

    public List<Guid> MemberIds { get; } = [];

    public async Task InitializeAsync()
    {
        Scenario = await CooperativeScenario.CreateAsync(Factory, name: "Pujiang County Mushroom Federation");
        var clock = TimeProvider.System;
        for (var batch = 0; batch < SeededMembers / 5_000; batch++)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var cooperative = await db.Cooperatives.SingleAsync(c => c.Id == new CooperativeId(Scenario.CooperativeId));
            for (var i = 0; i < 5_000; i++)
            {
                var n = (batch * 5_000) + i;
                var member = Member.Add(
                    new MemberId(NewId.Next(clock)), cooperative, $"Member {n:D5}", PhoneNumber.Parse($"+86137{n:D8}"),
                    $"Village-{n % 40}", null, [], clock.GetUtcNow());
                member.ClearDomainEvents();
                db.Members.Add(member);
                MemberIds.Add(member.Id.Value);
            }

            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Bulk work at any size: no request fails because a cooperative is large.</summary>
public sealed class LargeCooperativeTests(LargeCooperativeFixture fixture) : IClassFixture<LargeCooperativeFixture>
{
    private const int AllMembers = LargeCooperativeFixture.SeededMembers + 1;

    [Fact]
    public async Task Dues_are_charged_to_every_member_of_a_fifty_thousand_member_cooperative_once()
    {
        var first = await ChargeAsync(2030, new { amount = 20m });
        var again = await ChargeAsync(2030, new { amount = 20m });
        var arrears = await fixture.Scenario.Admin.GetFromJsonAsync<JsonElement>(
            new Uri(fixture.Scenario.Path("/dues/arrears?year=2030&pageSize=10"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var charged = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AllMembers, charged.GetProperty("charged").GetInt32());
        var skipped = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, AllMembers), (skipped.GetProperty("charged").GetInt32(), skipped.GetProperty("alreadyCharged").GetInt32()));
        Assert.Equal(AllMembers, arrears.GetProperty("page").GetProperty("totalCount").GetInt32());
        Assert.Equal(AllMembers * 20m, arrears.GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public async Task Ten_thousand_listed_members_are_charged_and_more_is_refused_naming_the_limit()
    {
        var tenThousand = fixture.MemberIds.Take(ChargeDuesEndpoint.MaxListedMembers).ToList();
        var tooMany = fixture.MemberIds.Take(ChargeDuesEndpoint.MaxListedMembers + 1).ToList();

        var listed = await ChargeAsync(2031, new { amount = 15m, memberIds = tenThousand });
        var refused = await ChargeAsync(2032, new { amount = 15m, memberIds = tooMany });
        var tooLarge = await ChargeAsync(2032, new { amount = 15m, memberIds = fixture.MemberIds.Take(20_000) });

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(tenThousand.Count, (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("charged").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("memberIds")[0].GetString();
        Assert.Contains("10,000", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>();
        Assert.Equal(0, await db.DuesCharges.CountAsync(d => d.Year == 2032));
    }

    [Fact]
    public async Task The_whole_register_is_exported_and_summarised()
    {
        var csv = await fixture.Scenario.Admin.GetStringAsync(new Uri(fixture.Scenario.Path("/members/export"), UriKind.Relative));
        var overview = await fixture.Scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(fixture.Scenario.Path("/overview"), UriKind.Relative));

        Assert.Equal(AllMembers + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(AllMembers.ToString(System.Globalization.CultureInfo.InvariantCulture), overview.ToString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ChargeAsync(int year, object body) =>
        fixture.Scenario.Admin.PostAsJsonAsync(new Uri(fixture.Scenario.Path($"/dues/{year}/charges"), UriKind.Relative), body);
}
