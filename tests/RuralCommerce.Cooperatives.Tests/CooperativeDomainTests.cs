using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Tests;

public sealed class CooperativeDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Credit_codes_are_checked_character_by_character()
    {
        var valid = TestData.NewCreditCode();
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');

        Assert.True(UnifiedSocialCreditCode.TryParse(valid.ToLowerInvariant(), out var code));
        Assert.Equal(valid, code.Value);
        Assert.False(UnifiedSocialCreditCode.TryParse(wrongCheck, out _));
        Assert.False(UnifiedSocialCreditCode.TryParse(valid[..17], out _));
        Assert.False(UnifiedSocialCreditCode.TryParse("93510100ABCDEFGHI" + "O", out _));
    }

    [Fact]
    public void Id_card_numbers_are_checked_and_always_shown_masked()
    {
        var valid = TestData.IdCard();

        Assert.True(IdCardNumber.TryParse(valid, out var number));
        Assert.Equal($"510***********{valid[^4..]}", number.Masked);
        Assert.False(IdCardNumber.TryParse(valid[..17] + (valid[17] == '1' ? '2' : '1'), out _));
        Assert.False(IdCardNumber.TryParse("51010419900101", out _));
    }

    [Fact]
    public void A_member_who_has_left_cannot_be_suspended()
    {
        var (cooperative, _) = NewCooperative();
        var member = AddMember(cooperative);
        member.Leave(cooperative);

        var error = Assert.Throws<BusinessRuleValidationException>(() => member.Suspend(cooperative));

        Assert.IsType<MemberWhoLeftCannotBeSuspendedRule>(error.BrokenRule);
    }

    [Fact]
    public void The_last_admin_cannot_leave_be_suspended_or_lose_the_admin_role()
    {
        var (cooperative, admin) = NewCooperative();

        Assert.IsType<CooperativeKeepsAtLeastOneAdminRule>(Assert.Throws<BusinessRuleValidationException>(() => admin.Leave(cooperative)).BrokenRule);
        Assert.IsType<CooperativeKeepsAtLeastOneAdminRule>(Assert.Throws<BusinessRuleValidationException>(() => admin.Suspend(cooperative)).BrokenRule);
        Assert.IsType<CooperativeKeepsAtLeastOneAdminRule>(Assert.Throws<BusinessRuleValidationException>(() => admin.RevokeRole(cooperative, MemberRoles.Admin)).BrokenRule);
        Assert.Equal(1, cooperative.ActiveAdmins);
    }

    [Fact]
    public void With_a_second_admin_the_first_may_step_down()
    {
        var (cooperative, admin) = NewCooperative();
        var deputy = AddMember(cooperative);
        deputy.GrantRole(cooperative, MemberRoles.Admin);

        admin.RevokeRole(cooperative, MemberRoles.Admin);

        Assert.Equal(1, cooperative.ActiveAdmins);
        Assert.False(admin.HasRole(MemberRoles.Admin));
        Assert.Contains(admin.DomainEvents, e => e is MemberRoleChanged { Role: MemberRoles.Admin, Granted: false });
    }

    [Fact]
    public void A_member_cannot_give_up_more_shares_than_held_nor_leave_holding_shares()
    {
        var (cooperative, _) = NewCooperative();
        var member = AddMember(cooperative);
        member.ReceiveShares(cooperative, 5);

        Assert.IsType<CannotGiveUpMoreSharesThanHeldRule>(Assert.Throws<BusinessRuleValidationException>(() => member.GiveUpShares(cooperative, 6)).BrokenRule);
        Assert.IsType<MemberWithSharesCannotLeaveRule>(Assert.Throws<BusinessRuleValidationException>(() => member.Leave(cooperative)).BrokenRule);
        Assert.Equal(5, member.Shares);

        member.GiveUpShares(cooperative, 5);
        member.Leave(cooperative);
        Assert.Equal(MemberStatus.Left, member.Status);
    }

    [Fact]
    public void A_dissolved_cooperative_accepts_no_changes()
    {
        var (cooperative, _) = NewCooperative();
        var member = AddMember(cooperative);
        cooperative.Dissolve();

        Assert.IsType<DissolvedCooperativeAcceptsNoChangesRule>(Assert.Throws<BusinessRuleValidationException>(() => AddMember(cooperative)).BrokenRule);
        Assert.IsType<DissolvedCooperativeAcceptsNoChangesRule>(Assert.Throws<BusinessRuleValidationException>(() => member.ReceiveShares(cooperative, 1)).BrokenRule);
        Assert.IsType<DissolvedCooperativeAcceptsNoChangesRule>(Assert.Throws<BusinessRuleValidationException>(cooperative.Reinstate).BrokenRule);
    }

    [Fact]
    public void A_suspended_cooperative_takes_no_new_members_until_reinstated()
    {
        var (cooperative, _) = NewCooperative();
        cooperative.Suspend();

        Assert.IsType<CooperativeMustBeActiveRule>(Assert.Throws<BusinessRuleValidationException>(() => AddMember(cooperative)).BrokenRule);
        cooperative.Reinstate();
        AddMember(cooperative);
        Assert.Contains(cooperative.DomainEvents, e => e is CooperativeStatusChanged { Status: CooperativeStatus.Suspended });
    }

    [Fact]
    public void An_application_becomes_a_membership_only_once_and_raises_the_join()
    {
        var (cooperative, _) = NewCooperative();
        var applicant = Member.Apply(new MemberId(Guid.CreateVersion7()), cooperative, "Zhao Lei", PhoneNumber.Parse("+8613911112222"), "Xiaozhai", null, Guid.CreateVersion7(), Now);
        Assert.Empty(applicant.DomainEvents);

        applicant.Approve(cooperative, Now);

        Assert.Equal(MemberStatus.Active, applicant.Status);
        Assert.Single(applicant.DomainEvents.OfType<MemberJoined>());
        Assert.IsType<OnlyAnApplicationCanBeDecidedRule>(Assert.Throws<BusinessRuleValidationException>(() => applicant.Reject(cooperative)).BrokenRule);
    }

    private static (Cooperative Cooperative, Member Admin) NewCooperative()
    {
        UnifiedSocialCreditCode.TryParse(TestData.NewCreditCode(), out var code);
        var cooperative = Cooperative.Register(
            new CooperativeId(Guid.CreateVersion7()), "Xiaozhai Mushroom Cooperative", code, new Address("Sichuan", "Pujiang", "Chengjia", "Xiaozhai"),
            PhoneNumber.Parse("+8613800138000"), "Pujiang County Service Centre", new DateOnly(2015, 3, 1), Money.Yuan(100m), Now);
        var admin = Member.Add(new MemberId(Guid.CreateVersion7()), cooperative, "Wang Fang", PhoneNumber.Parse("+8613800138001"), "Xiaozhai", null, [MemberRoles.Admin], Now);
        return (cooperative, admin);
    }

    private static Member AddMember(Cooperative cooperative) =>
        Member.Add(new MemberId(Guid.CreateVersion7()), cooperative, "Li Qiang", PhoneNumber.Parse($"+86137{Random.Shared.Next(10_000_000, 99_999_999)}"), "Xiaozhai", null, [], Now);
}
