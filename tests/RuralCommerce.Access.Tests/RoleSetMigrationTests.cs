using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Domain.Memberships;
using RuralCommerce.Access.Persistence;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Access.Tests;

/// <summary>Role sets stored as "Admin,Seller" by earlier versions are rewritten as ",Admin,Seller," by the migration.</summary>
public sealed class RoleSetMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Role_sets_encode_sorted_with_the_delimiter_at_both_ends()
    {
        var roles = RoleSet.Of(["Seller", "Admin", "Seller"]);

        Assert.Equal(",Admin,Seller,", roles.Encoded);
        Assert.Equal(["Admin", "Seller"], roles.Names);
        Assert.True(roles.Contains("Admin"));
        Assert.False(RoleSet.Of(["Administrator"]).Contains("Admin"));
        Assert.Equal(",", roles.Without("Admin").Without("Seller").Encoded);
        Assert.Equal(roles, RoleSet.Decode(roles.Encoded));
        Assert.Throws<ArgumentException>(() => RoleSet.Of(["Admin,Seller"]));
    }

    [Fact]
    public async Task A_database_written_by_the_previous_version_reads_its_roles_after_the_migration()
    {
        await using (var db = Context())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var encoding = migrations.FindIndex(m => m.EndsWith("_RoleSetEncoding", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[encoding - 1]);

            var admin = Account.Register(new AccountId(Guid.CreateVersion7()), PhoneNumber.Parse("+8613700000001"), "Admin", "hash", Now);
            admin.GrantPlatformRole("platform-admin");
            db.Accounts.Add(admin);
            db.Accounts.Add(Account.Register(new AccountId(Guid.CreateVersion7()), PhoneNumber.Parse("+8613700000002"), "Farmer", "hash", Now));
            db.Memberships.Add(Membership.Joined(Guid.CreateVersion7(), Guid.CreateVersion7(), PhoneNumber.Parse("+8613700000002"), ["Admin", "Seller"], Now));
            db.Memberships.Add(Membership.Joined(Guid.CreateVersion7(), Guid.CreateVersion7(), PhoneNumber.Parse("+8613700000003"), [], Now));
            await db.SaveChangesAsync();
            // What the previous version wrote.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Accounts\" SET \"PlatformRoles\" = 'platform-admin' WHERE \"DisplayName\" = 'Admin'");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Accounts\" SET \"PlatformRoles\" = '' WHERE \"DisplayName\" = 'Farmer'");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Memberships\" SET \"Roles\" = 'Admin,Seller' WHERE \"Roles\" <> ','");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Memberships\" SET \"Roles\" = '' WHERE \"Roles\" = ','");

            await db.Database.MigrateAsync();
        }

        await using var migrated = Context();
        var accounts = await migrated.Accounts.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync();
        Assert.Equal([["platform-admin"], []], accounts.Select(a => a.PlatformRoles.Names));
        Assert.Equal(1, await migrated.Accounts.WithPlatformRole("platform-admin").CountAsync());
        var stored = await migrated.Database.SqlQueryRaw<string>("SELECT \"Roles\" AS \"Value\" FROM \"Memberships\" ORDER BY \"Roles\"").ToListAsync();
        Assert.Equal([",", ",Admin,Seller,"], stored);
        Assert.Equal(["Admin", "Seller"], (await migrated.Memberships.AsNoTracking().ToListAsync()).Single(m => m.Roles.Contains("Admin")).Roles.Names);
    }

    private SqliteAccessDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteAccessDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_data.Path, "access.db")};Pooling=False")
            .Options);
}
