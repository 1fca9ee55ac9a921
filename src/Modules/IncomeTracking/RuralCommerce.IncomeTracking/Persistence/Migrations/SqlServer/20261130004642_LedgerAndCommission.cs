using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.IncomeTracking.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class LedgerAndCommission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommissionRates",
                schema: "income_tracking",
                columns: table => new
                {
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Percent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionRates", x => new { x.CooperativeId, x.EffectiveFrom });
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                schema: "income_tracking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    GrossFen = table.Column<long>(type: "bigint", nullable: false),
                    CommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    LivestreamId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Platform = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CooperativeId_OccurredOn",
                schema: "income_tracking",
                table: "LedgerEntries",
                columns: new[] { "CooperativeId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Reference_SellerId",
                schema: "income_tracking",
                table: "LedgerEntries",
                columns: new[] { "Reference", "SellerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_SellerId_OccurredOn",
                schema: "income_tracking",
                table: "LedgerEntries",
                columns: new[] { "SellerId", "OccurredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommissionRates",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "LedgerEntries",
                schema: "income_tracking");
        }
    }
}
