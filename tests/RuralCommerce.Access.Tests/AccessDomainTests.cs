using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Memberships;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;
using static RuralCommerce.TestSupport.RuleAssert;

namespace RuralCommerce.Access.Tests;

public sealed class AccessDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("+8613800138000");

    [Fact]
    public void The_fifth_failure_in_a_row_locks_for_a_minute_and_each_further_lock_doubles_up_to_the_maximum()
    {
        var streak = new FailureStreak();
        var locks = new List<TimeSpan?>();
        var now = Now;
        for (var lockout = 0; lockout < 7; lockout++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Null(streak.RecordFailure(now, maxFailures: 5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)));
            }

            Assert.Null(streak.LockedFor(now));
            locks.Add(streak.RecordFailure(now, maxFailures: 5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)));
            Assert.Equal(locks[^1], streak.LockedFor(now));
            now += locks[^1]!.Value;
            Assert.Null(streak.LockedFor(now));
        }

        Assert.Equal(new TimeSpan?[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30) }, locks);
    }

    [Fact]
    public void A_right_code_with_a_wrong_password_leaves_the_code_usable_until_it_is_consumed()
    {
        var (verification, code) = PhoneVerification.Issue(new PhoneVerificationId(Guid.CreateVersion7()), Phone, Now, TimeSpan.FromMinutes(10));

        Assert.True(verification.Matches(code, Now));
        Assert.True(verification.Matches(code, Now));
        verification.Consume(Now);

        Assert.False(verification.Matches(code, Now));
    }

    [Fact]
    public void A_code_works_once_and_five_wrong_guesses_burn_it()
    {
        var (verification, code) = PhoneVerification.Issue(new PhoneVerificationId(Guid.CreateVersion7()), Phone, Now, TimeSpan.FromMinutes(10));
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < PhoneVerification.MaxFailedAttempts; i++)
        {
            Assert.False(verification.TryConsume(wrong, Now));
        }

        Assert.False(verification.TryConsume(code, Now));

        var (fresh, freshCode) = PhoneVerification.Issue(new PhoneVerificationId(Guid.CreateVersion7()), Phone, Now, TimeSpan.FromMinutes(10));
        Assert.True(fresh.TryConsume(freshCode, Now));
        Assert.False(fresh.TryConsume(freshCode, Now));
    }

    [Fact]
    public void An_expired_code_is_refused()
    {
        var (verification, code) = PhoneVerification.Issue(new PhoneVerificationId(Guid.CreateVersion7()), Phone, Now, TimeSpan.FromMinutes(10));

        Assert.False(verification.TryConsume(code, Now.AddMinutes(10)));
    }

    [Fact]
    public void Using_a_refresh_token_spends_it_and_a_revoked_one_cannot_be_used()
    {
        var (token, _) = RefreshToken.StartFamily(new RefreshTokenId(Guid.CreateVersion7()), new SessionId(Guid.CreateVersion7()), new AccountId(Guid.CreateVersion7()), Now, TimeSpan.FromDays(30));

        var (successor, value) = token.Successor(new RefreshTokenId(Guid.CreateVersion7()), Now, TimeSpan.FromDays(30));

        Assert.False(token.IsActiveAt(Now));
        Assert.True(successor.IsActiveAt(Now));
        Assert.Equal(token.FamilyId, successor.FamilyId);
        Assert.Equal(RefreshToken.Hash(value), successor.TokenHash);
        successor.Revoke(Now);
        AssertBrokenRule<RevokedOrExpiredRefreshTokenCannotBeUsedRule>(() => successor.Successor(new RefreshTokenId(Guid.CreateVersion7()), Now, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void A_membership_links_only_to_an_account_that_verified_the_same_phone()
    {
        var membership = Membership.Joined(Guid.CreateVersion7(), Guid.CreateVersion7(), Phone, ["Seller"], Now);
        var unverified = NewAccount();
        var otherPhone = Account.Register(new AccountId(Guid.CreateVersion7()), PhoneNumber.Parse("+8613900139000"), "Wang", "x", Now);
        otherPhone.VerifyPhone(Now);

        Assert.False(membership.TryLinkTo(unverified, Now));
        Assert.False(membership.TryLinkTo(otherPhone, Now));

        unverified.VerifyPhone(Now);
        Assert.True(membership.TryLinkTo(unverified, Now));
        Assert.Equal(unverified.Id, membership.AccountId);
    }

    [Fact]
    public void Membership_roles_are_granted_once_and_revoked()
    {
        var membership = Membership.Joined(Guid.CreateVersion7(), Guid.CreateVersion7(), Phone, ["Seller"], Now);

        membership.Grant("Admin", Now);
        membership.Grant("Admin", Now);
        membership.Revoke("Seller", Now);

        Assert.Equal(["Admin"], membership.Roles.Names);
    }

    [Theory]
    [InlineData("short1", "Use 8 to 128 characters.")]
    [InlineData("onlyletters", "Use both letters and digits.")]
    [InlineData("12345678", "Use both letters and digits.")]
    [InlineData("Password1", "This password is too common.")]
    [InlineData("x13800138000", "Do not use your phone number.")]
    public void Weak_passwords_are_refused_with_a_reason(string password, string reason)
    {
        var errors = new ValidationErrors();

        PasswordPolicy.Check(password, Phone, "password", errors);

        Assert.Contains(reason, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_strong_password_passes()
    {
        var errors = new ValidationErrors();

        PasswordPolicy.Check("Tea-garden-2026", Phone, "password", errors);

        Assert.True(errors.IsEmpty);
    }

    private static Account NewAccount() => Account.Register(new AccountId(Guid.CreateVersion7()), Phone, "Li Wei", "hash", Now);
}
