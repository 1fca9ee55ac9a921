using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Memberships;
using RuralCommerce.Access.Domain.Sessions;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Access.Persistence;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Phone).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Ignore(a => a.PlatformRoles);
        builder.HasRoleSet(Account.PlatformRolesField, "PlatformRoles");
    }
}

internal sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> builder)
    {
        builder.ToTable("PhoneVerifications");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.CodeHash).HasMaxLength(64);
        builder.HasIndex(v => new { v.Phone, v.CreatedAt });
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("RefreshTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => t.AccountId);
    }
}

internal sealed class RevokedSessionConfiguration : IEntityTypeConfiguration<RevokedSession>
{
    public void Configure(EntityTypeBuilder<RevokedSession> builder)
    {
        builder.ToTable("RevokedSessions");
        builder.HasKey(r => r.FamilyId);
        builder.Property(r => r.FamilyId).ValueGeneratedNever();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => m.MemberId);
        builder.Property(m => m.MemberId).ValueGeneratedNever();
        builder.HasIndex(m => m.Phone);
        builder.HasIndex(m => m.AccountId);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.Roles);
        builder.HasRoleSet(Membership.RolesField, "Roles");
    }
}
