using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.IncomeTracking.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class CoveringMonthlyIncomeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MonthlyIncomes_CooperativeId_Month",
                schema: "income_tracking",
                table: "MonthlyIncomes");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyIncomes_Cooperative_Month_Covering",
                schema: "income_tracking",
                table: "MonthlyIncomes",
                columns: new[] { "CooperativeId", "Month", "SellerId", "IncomeFen", "ShopFen", "LivestreamFen", "ImportedFen", "OfflineSaleFen", "WagesFen", "OtherFen", "SubsidyFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MonthlyIncomes_Cooperative_Month_Covering",
                schema: "income_tracking",
                table: "MonthlyIncomes");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyIncomes_CooperativeId_Month",
                schema: "income_tracking",
                table: "MonthlyIncomes",
                columns: new[] { "CooperativeId", "Month" });
        }
    }
}
