using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.SharedKernel;
using static RuralCommerce.TestSupport.RuleAssert;

namespace RuralCommerce.Cooperatives.Tests;

public sealed class CooperativeDomainTests
{
    private static readonly DateTimeOffset Now = Given.Now;

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
        var (cooperative, _) = Given.Cooperative().Build();
        var member = AddMember(cooperative);
        member.Leave(cooperative);

        AssertBrokenRule<MemberWhoLeftCannotBeSuspendedRule>(() => member.Suspend(cooperative));
    }

    [Fact]
    public void The_last_admin_cannot_leave_be_suspended_or_lose_the_admin_role()
    {
        var (cooperative, admin) = Given.Cooperative().WithAdmin().Build();

        AssertBrokenRule<CooperativeKeepsAtLeastOneAdminRule>(() => admin.Leave(cooperative));
        AssertBrokenRule<CooperativeKeepsAtLeastOneAdminRule>(() => admin.Suspend(cooperative));
        AssertBrokenRule<CooperativeKeepsAtLeastOneAdminRule>(() => admin.RevokeRole(cooperative, MemberRoles.Admin));
        Assert.Equal(1, cooperative.ActiveAdmins);
    }

    [Fact]
    public void With_a_second_admin_the_first_may_step_down()
    {
        var (cooperative, admin) = Given.Cooperative().WithAdmin().Build();
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
        var (cooperative, _) = Given.Cooperative().Build();
        var member = AddMember(cooperative);
        member.ReceiveShares(cooperative, 5);

        AssertBrokenRule<CannotGiveUpMoreSharesThanHeldRule>(() => member.GiveUpShares(cooperative, 6));
        AssertBrokenRule<MemberWithSharesCannotLeaveRule>(() => member.Leave(cooperative));
        Assert.Equal(5, member.Shares);

        member.GiveUpShares(cooperative, 5);
        member.Leave(cooperative);
        Assert.Equal(MemberStatus.Left, member.Status);
    }

    [Fact]
    public void A_dissolved_cooperative_accepts_no_changes()
    {
        var (cooperative, _) = Given.Cooperative().Build();
        var member = AddMember(cooperative);
        cooperative.Dissolve(openOrders: 0);

        AssertBrokenRule<DissolvedCooperativeAcceptsNoChangesRule>(() => AddMember(cooperative));
        AssertBrokenRule<DissolvedCooperativeAcceptsNoChangesRule>(() => member.ReceiveShares(cooperative, 1));
        AssertBrokenRule<DissolvedCooperativeAcceptsNoChangesRule>(cooperative.Reinstate);
    }

    [Fact]
    public void A_suspended_cooperative_takes_no_new_members_until_reinstated()
    {
        var (cooperative, _) = Given.Cooperative().Build();
        cooperative.Suspend();

        AssertBrokenRule<CooperativeMustBeActiveRule>(() => AddMember(cooperative));
        cooperative.Reinstate();
        AddMember(cooperative);
        Assert.Contains(cooperative.DomainEvents, e => e is CooperativeStatusChanged { Status: CooperativeStatus.Suspended });
    }

    [Fact]
    public void An_application_becomes_a_membership_only_once_and_raises_the_join()
    {
        var (cooperative, _) = Given.Cooperative().Build();
        var applicant = Member.Apply(new MemberId(Guid.CreateVersion7()), cooperative, "Zhao Lei", PhoneNumber.Parse("+8613911112222"), "Xiaozhai", null, Guid.CreateVersion7(), Now);
        Assert.Empty(applicant.DomainEvents);

        applicant.Approve(cooperative, Now);

        Assert.Equal(MemberStatus.Active, applicant.Status);
        Assert.Single(applicant.DomainEvents.OfType<MemberJoined>());
        AssertBrokenRule<OnlyAnApplicationCanBeDecidedRule>(() => applicant.Reject(cooperative));
    }

    [Fact]
    public void A_suspended_or_departed_members_details_can_be_corrected_but_not_in_a_dissolved_cooperative()
    {
        var coop = Given.Cooperative().Build();
        var suspended = coop.Member("Li Qaing");
        suspended.Suspend(coop.Cooperative);
        var departed = coop.Member("Zhou Ming");
        departed.Leave(coop.Cooperative);

        suspended.CorrectDetails(coop.Cooperative, "Li Qiang", "Dazhai", null);
        departed.CorrectDetails(coop.Cooperative, "Zhou Min", "Dazhai", null);
        coop.Cooperative.Dissolve(openOrders: 0);

        Assert.Equal(("Li Qiang", MemberStatus.Suspended), (suspended.Name, suspended.Status));
        Assert.Equal(("Zhou Min", MemberStatus.Left), (departed.Name, departed.Status));
        AssertBrokenRule<DissolvedCooperativeAcceptsNoChangesRule>(() => suspended.CorrectDetails(coop.Cooperative, "Li Q.", "Dazhai", null));
    }

    [Fact]
    public void Correcting_a_members_name_or_village_tells_the_other_modules_but_an_unchanged_save_or_an_applicant_does_not()
    {
        var coop = Given.Cooperative().Build();
        var member = coop.Member("Li Qaing");
        member.ClearDomainEvents();
        var applicant = Member.Apply(new MemberId(Guid.CreateVersion7()), coop.Cooperative, "Zhao Le", PhoneNumber.Parse("+8613911113333"), "Xiaozhai", null, Guid.CreateVersion7(), Now);

        member.CorrectDetails(coop.Cooperative, member.Name, member.Village, null);
        var unchanged = member.DomainEvents.Count;
        member.CorrectDetails(coop.Cooperative, "Li Qiang", "Dazhai", null);
        applicant.CorrectDetails(coop.Cooperative, "Zhao Lei", "Xiaozhai", null);

        Assert.Equal(0, unchanged);
        var corrected = Assert.Single(member.DomainEvents.OfType<MemberDetailsCorrected>());
        Assert.Equal(("Li Qiang", "Dazhai"), (corrected.Name, corrected.Village));
        Assert.Empty(applicant.DomainEvents);
    }

    private static Member AddMember(Cooperative cooperative) => Given.MemberOf(cooperative);
}
