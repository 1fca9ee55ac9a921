using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Cooperatives.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class CooperativesMembersSharesDues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cooperatives",
                schema: "cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    ContactPhone = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ServiceCentre = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SharePrice = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ActiveAdmins = table.Column<int>(type: "int", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    County = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Province = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Township = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Village = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuesCharges",
                schema: "cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    ChargedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesCharges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                schema: "cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Village = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    PhoneDigits = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IdCardNumber = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Shares = table.Column<int>(type: "int", nullable: false),
                    Roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShareLedger",
                schema: "cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Movement = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareLedger", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cooperatives_CreditCode",
                schema: "cooperatives",
                table: "Cooperatives",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cooperatives_Name",
                schema: "cooperatives",
                table: "Cooperatives",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_DuesCharges_CooperativeId_Year_PaidAt",
                schema: "cooperatives",
                table: "DuesCharges",
                columns: new[] { "CooperativeId", "Year", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesCharges_MemberId_Year",
                schema: "cooperatives",
                table: "DuesCharges",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_CooperativeId_Phone",
                schema: "cooperatives",
                table: "Members",
                columns: new[] { "CooperativeId", "Phone" },
                unique: true,
                filter: "[Status] IN ('Applied', 'Active', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CooperativeId_Status_Name",
                schema: "cooperatives",
                table: "Members",
                columns: new[] { "CooperativeId", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareLedger_CooperativeId_MemberId",
                schema: "cooperatives",
                table: "ShareLedger",
                columns: new[] { "CooperativeId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cooperatives",
                schema: "cooperatives");

            migrationBuilder.DropTable(
                name: "DuesCharges",
                schema: "cooperatives");

            migrationBuilder.DropTable(
                name: "Members",
                schema: "cooperatives");

            migrationBuilder.DropTable(
                name: "ShareLedger",
                schema: "cooperatives");
        }
    }
}
