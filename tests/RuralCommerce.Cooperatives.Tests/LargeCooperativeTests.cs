using System.Net;
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
        var (admin, cooperative) = (fixture.Scenario.Admin, fixture.Scenario.CooperativeId);

        var first = await admin.ChargeDues(cooperative, 2030, 20m);
        var again = await admin.ChargeDues(cooperative, 2030, 20m);
        var arrears = (await admin.Arrears(cooperative, "?year=2030&pageSize=10")).Body;

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(AllMembers, first.Body.Charged);
        Assert.Equal((0, AllMembers), (again.Body.Charged, again.Body.AlreadyCharged));
        Assert.Equal(AllMembers, arrears.Page.TotalCount);
        Assert.Equal(AllMembers * 20m, arrears.TotalAmount);
    }

    [Fact]
    public async Task Ten_thousand_listed_members_are_charged_and_more_is_refused_naming_the_limit()
    {
        var (admin, cooperative) = (fixture.Scenario.Admin, fixture.Scenario.CooperativeId);
        var tenThousand = fixture.MemberIds.Take(ChargeDuesEndpoint.MaxListedMembers).ToList();
        var tooMany = fixture.MemberIds.Take(ChargeDuesEndpoint.MaxListedMembers + 1).ToList();

        var listed = await admin.ChargeDues(cooperative, 2031, 15m, tenThousand);
        var refused = await admin.ChargeDues(cooperative, 2032, 15m, tooMany);
        var tooLarge = await admin.ChargeDues(cooperative, 2032, 15m, fixture.MemberIds.Take(20_000).ToList());

        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal(tenThousand.Count, listed.Body.Charged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("10,000", refused.FieldErrors["memberIds"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>();
        Assert.Equal(0, await db.DuesCharges.CountAsync(d => d.Year == 2032));
    }

    [Fact]
    public async Task The_whole_register_is_exported_and_summarised()
    {
        var (admin, cooperative) = (fixture.Scenario.Admin, fixture.Scenario.CooperativeId);

        using var export = await admin.ExportMembers(cooperative);
        var csv = await export.Content.ReadAsStringAsync();
        var overview = (await admin.Overview(cooperative)).Body;

        Assert.Equal(AllMembers + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(AllMembers, overview.MembersByStatus["Active"]);
    }
}
