using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Access.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class RoleSetEncoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Role sets were stored as "Admin,Seller"; RoleSet stores ",Admin,Seller," (one LIKE finds a role).
            migrationBuilder.Sql("UPDATE \"Memberships\" SET \"Roles\" = CASE WHEN \"Roles\" = '' THEN ',' ELSE ',' || \"Roles\" || ',' END WHERE \"Roles\" NOT LIKE ',%';");
            migrationBuilder.Sql("UPDATE \"Accounts\" SET \"PlatformRoles\" = CASE WHEN \"PlatformRoles\" = '' THEN ',' ELSE ',' || \"PlatformRoles\" || ',' END WHERE \"PlatformRoles\" NOT LIKE ',%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Memberships\" SET \"Roles\" = CASE WHEN \"Roles\" = ',' THEN '' ELSE substr(\"Roles\", 2, length(\"Roles\") - 2) END WHERE \"Roles\" LIKE ',%';");
            migrationBuilder.Sql("UPDATE \"Accounts\" SET \"PlatformRoles\" = CASE WHEN \"PlatformRoles\" = ',' THEN '' ELSE substr(\"PlatformRoles\", 2, length(\"PlatformRoles\") - 2) END WHERE \"PlatformRoles\" LIKE ',%';");
        }
    }
}
