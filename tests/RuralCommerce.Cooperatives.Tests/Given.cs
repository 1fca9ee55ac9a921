using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Tests;

/// <summary>Small builders for domain tests: <c>Given.Cooperative().Suspended().Build()</c>, <c>coop.Member(shares: 5)</c>.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public static CooperativeBuilder Cooperative() => new();

    /// <summary>A new active member of <paramref name="cooperative"/>, optionally holding shares or roles.</summary>
    public static Member MemberOf(Cooperative cooperative, string name = "Li Qiang", int shares = 0, params string[] roles)
    {
        var member = Domain.Members.Member.Add(
            new MemberId(Guid.CreateVersion7()), cooperative, name, PhoneNumber.Parse($"+86137{Random.Shared.Next(10_000_000, 99_999_999)}"),
            "Xiaozhai", null, roles, Now);
        if (shares > 0)
        {
            member.ReceiveShares(cooperative, shares);
        }

        return member;
    }
}

internal sealed class CooperativeBuilder
{
    private Action<Cooperative>? _status;

    /// <summary>The first administrator: every cooperative is registered with one, so this only says so.</summary>
    public CooperativeBuilder WithAdmin() => this;

    public CooperativeBuilder Suspended()
    {
        _status = c => c.Suspend();
        return this;
    }

    public CooperativeBuilder Dissolved()
    {
        _status = c => c.Dissolve(openOrders: 0);
        return this;
    }

    public GivenCooperative Build()
    {
        UnifiedSocialCreditCode.TryParse(TestData.NewCreditCode(), out var code);
        var cooperative = Domain.Cooperatives.Cooperative.Register(
            new CooperativeId(Guid.CreateVersion7()), "Xiaozhai Mushroom Cooperative", code, new Address("Sichuan", "Pujiang", "Chengjia", "Xiaozhai"),
            PhoneNumber.Parse("+8613800138000"), "Pujiang County Service Centre", new DateOnly(2015, 3, 1), Money.Yuan(100m), Given.Now);
        var admin = Given.MemberOf(cooperative, "Wang Fang", roles: MemberRoles.Admin);
        _status?.Invoke(cooperative);
        return new GivenCooperative(cooperative, admin);
    }

    public static implicit operator GivenCooperative(CooperativeBuilder builder) => builder.Build();
}

internal sealed record GivenCooperative(Cooperative Cooperative, Member Admin)
{
    /// <summary>A new active member, optionally holding shares or roles.</summary>
    public Member Member(string name = "Li Qiang", int shares = 0, params string[] roles) =>
        Given.MemberOf(Cooperative, name, shares, roles);

    /// <summary>An open application.</summary>
    public Member Applicant(string name = "Zhao Lei") =>
        Domain.Members.Member.Apply(
            new MemberId(Guid.CreateVersion7()), Cooperative, name, PhoneNumber.Parse("+8613911112222"), "Xiaozhai", null, Guid.CreateVersion7(), Given.Now);
}
