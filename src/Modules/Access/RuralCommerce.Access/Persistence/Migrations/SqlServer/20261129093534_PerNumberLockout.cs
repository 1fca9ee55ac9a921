using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Access.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class PerNumberLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                schema: "access",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "access",
                table: "Accounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                schema: "access",
                table: "Accounts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "access",
                table: "Accounts",
                type: "datetimeoffset",
                nullable: true);
        }
    }
}
