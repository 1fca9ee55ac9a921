using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Access.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class RoleSetEncoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Role sets were stored as "Admin,Seller"; RoleSet stores ",Admin,Seller," (one LIKE finds a role).
            migrationBuilder.Sql("UPDATE [access].[Memberships] SET [Roles] = CASE WHEN [Roles] = N'' THEN N',' ELSE N',' + [Roles] + N',' END WHERE [Roles] NOT LIKE N',%';");
            migrationBuilder.Sql("UPDATE [access].[Accounts] SET [PlatformRoles] = CASE WHEN [PlatformRoles] = N'' THEN N',' ELSE N',' + [PlatformRoles] + N',' END WHERE [PlatformRoles] NOT LIKE N',%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE [access].[Memberships] SET [Roles] = CASE WHEN [Roles] = N',' THEN N'' ELSE SUBSTRING([Roles], 2, LEN([Roles]) - 2) END WHERE [Roles] LIKE N',%';");
            migrationBuilder.Sql("UPDATE [access].[Accounts] SET [PlatformRoles] = CASE WHEN [PlatformRoles] = N',' THEN N'' ELSE SUBSTRING([PlatformRoles], 2, LEN([PlatformRoles]) - 2) END WHERE [PlatformRoles] LIKE N',%';");
        }
    }
}
