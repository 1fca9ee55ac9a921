using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Cooperatives.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CooperativesMembersSharesDues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ServiceCentre = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SharePrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActiveAdmins = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Township = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuesCharges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesCharges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PhoneDigits = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IdCardNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Shares = table.Column<int>(type: "INTEGER", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShareLedger",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Movement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareLedger", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cooperatives_CreditCode",
                table: "Cooperatives",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cooperatives_Name",
                table: "Cooperatives",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_DuesCharges_CooperativeId_Year_PaidAt",
                table: "DuesCharges",
                columns: new[] { "CooperativeId", "Year", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesCharges_MemberId_Year",
                table: "DuesCharges",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_CooperativeId_Phone",
                table: "Members",
                columns: new[] { "CooperativeId", "Phone" },
                unique: true,
                filter: "[Status] IN ('Applied', 'Active', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CooperativeId_Status_Name",
                table: "Members",
                columns: new[] { "CooperativeId", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareLedger_CooperativeId_MemberId",
                table: "ShareLedger",
                columns: new[] { "CooperativeId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cooperatives");

            migrationBuilder.DropTable(
                name: "DuesCharges");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "ShareLedger");
        }
    }
}
