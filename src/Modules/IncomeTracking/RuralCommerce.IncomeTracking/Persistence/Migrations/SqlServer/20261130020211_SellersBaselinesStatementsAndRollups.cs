using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.IncomeTracking.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SellersBaselinesStatementsAndRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Baselines",
                schema: "income_tracking",
                columns: table => new
                {
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AnnualFen = table.Column<long>(type: "bigint", nullable: true),
                    Year = table.Column<int>(type: "int", nullable: true),
                    MonthlyFen = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SetBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Baselines", x => new { x.SellerId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Cooperatives",
                schema: "income_tracking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Province = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    County = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LivestreamIncomes",
                schema: "income_tracking",
                columns: table => new
                {
                    LivestreamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LivestreamIncomes", x => new { x.LivestreamId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "Livestreams",
                schema: "income_tracking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlannedStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Livestreams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyIncomes",
                schema: "income_tracking",
                columns: table => new
                {
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ShopFen = table.Column<long>(type: "bigint", nullable: false),
                    LivestreamFen = table.Column<long>(type: "bigint", nullable: false),
                    ImportedFen = table.Column<long>(type: "bigint", nullable: false),
                    OfflineSaleFen = table.Column<long>(type: "bigint", nullable: false),
                    WagesFen = table.Column<long>(type: "bigint", nullable: false),
                    OtherFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyIncomes", x => new { x.SellerId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "Sellers",
                schema: "income_tracking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Village = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sellers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                schema: "income_tracking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    ShopGrossFen = table.Column<long>(type: "bigint", nullable: false),
                    LivestreamGrossFen = table.Column<long>(type: "bigint", nullable: false),
                    ImportedGrossFen = table.Column<long>(type: "bigint", nullable: false),
                    CommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundsFen = table.Column<long>(type: "bigint", nullable: false),
                    ManualFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    NetPayableFen = table.Column<long>(type: "bigint", nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PayoutReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PaidBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCompletions",
                schema: "income_tracking",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Revoked = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCompletions", x => x.EnrolmentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CooperativeId_PostedAt",
                schema: "income_tracking",
                table: "LedgerEntries",
                columns: new[] { "CooperativeId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Reverses",
                schema: "income_tracking",
                table: "LedgerEntries",
                column: "Reverses");

            migrationBuilder.CreateIndex(
                name: "IX_Cooperatives_Province_County",
                schema: "income_tracking",
                table: "Cooperatives",
                columns: new[] { "Province", "County" });

            migrationBuilder.CreateIndex(
                name: "IX_LivestreamIncomes_CooperativeId_Month",
                schema: "income_tracking",
                table: "LivestreamIncomes",
                columns: new[] { "CooperativeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyIncomes_CooperativeId_Month",
                schema: "income_tracking",
                table: "MonthlyIncomes",
                columns: new[] { "CooperativeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_CooperativeId",
                schema: "income_tracking",
                table: "Sellers",
                column: "CooperativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_CooperativeId_Month",
                schema: "income_tracking",
                table: "Statements",
                columns: new[] { "CooperativeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SellerId_Month",
                schema: "income_tracking",
                table: "Statements",
                columns: new[] { "SellerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_CooperativeId_Topic",
                schema: "income_tracking",
                table: "TrainingCompletions",
                columns: new[] { "CooperativeId", "Topic" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_SellerId",
                schema: "income_tracking",
                table: "TrainingCompletions",
                column: "SellerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Baselines",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "Cooperatives",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "LivestreamIncomes",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "Livestreams",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "MonthlyIncomes",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "Sellers",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "Statements",
                schema: "income_tracking");

            migrationBuilder.DropTable(
                name: "TrainingCompletions",
                schema: "income_tracking");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_CooperativeId_PostedAt",
                schema: "income_tracking",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_Reverses",
                schema: "income_tracking",
                table: "LedgerEntries");
        }
    }
}
