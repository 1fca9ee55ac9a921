using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.IncomeTracking.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CoveringMonthlyIncomeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MonthlyIncomes_CooperativeId_Month",
                table: "MonthlyIncomes");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyIncomes_Cooperative_Month_Covering",
                table: "MonthlyIncomes",
                columns: new[] { "CooperativeId", "Month", "SellerId", "IncomeFen", "ShopFen", "LivestreamFen", "ImportedFen", "OfflineSaleFen", "WagesFen", "OtherFen", "SubsidyFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MonthlyIncomes_Cooperative_Month_Covering",
                table: "MonthlyIncomes");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyIncomes_CooperativeId_Month",
                table: "MonthlyIncomes",
                columns: new[] { "CooperativeId", "Month" });
        }
    }
}
