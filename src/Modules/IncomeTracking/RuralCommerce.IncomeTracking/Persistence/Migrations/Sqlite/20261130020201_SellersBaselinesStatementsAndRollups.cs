using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.IncomeTracking.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SellersBaselinesStatementsAndRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Baselines",
                columns: table => new
                {
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnnualFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    MonthlyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SetBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Baselines", x => new { x.SellerId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LivestreamIncomes",
                columns: table => new
                {
                    LivestreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LivestreamIncomes", x => new { x.LivestreamId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "Livestreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlannedStart = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Livestreams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyIncomes",
                columns: table => new
                {
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShopFen = table.Column<long>(type: "INTEGER", nullable: false),
                    LivestreamFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OfflineSaleFen = table.Column<long>(type: "INTEGER", nullable: false),
                    WagesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyIncomes", x => new { x.SellerId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "Sellers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sellers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ShopGrossFen = table.Column<long>(type: "INTEGER", nullable: false),
                    LivestreamGrossFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedGrossFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CommissionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ManualFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    NetPayableFen = table.Column<long>(type: "INTEGER", nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PayoutReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PaidBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCompletions",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCompletions", x => x.EnrolmentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CooperativeId_PostedAt",
                table: "LedgerEntries",
                columns: new[] { "CooperativeId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Reverses",
                table: "LedgerEntries",
                column: "Reverses");

            migrationBuilder.CreateIndex(
                name: "IX_Cooperatives_Province_County",
                table: "Cooperatives",
                columns: new[] { "Province", "County" });

            migrationBuilder.CreateIndex(
                name: "IX_LivestreamIncomes_CooperativeId_Month",
                table: "LivestreamIncomes",
                columns: new[] { "CooperativeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyIncomes_CooperativeId_Month",
                table: "MonthlyIncomes",
                columns: new[] { "CooperativeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Sellers_CooperativeId",
                table: "Sellers",
                column: "CooperativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_CooperativeId_Month",
                table: "Statements",
                columns: new[] { "CooperativeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SellerId_Month",
                table: "Statements",
                columns: new[] { "SellerId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_CooperativeId_Topic",
                table: "TrainingCompletions",
                columns: new[] { "CooperativeId", "Topic" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_SellerId",
                table: "TrainingCompletions",
                column: "SellerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Baselines");

            migrationBuilder.DropTable(
                name: "Cooperatives");

            migrationBuilder.DropTable(
                name: "LivestreamIncomes");

            migrationBuilder.DropTable(
                name: "Livestreams");

            migrationBuilder.DropTable(
                name: "MonthlyIncomes");

            migrationBuilder.DropTable(
                name: "Sellers");

            migrationBuilder.DropTable(
                name: "Statements");

            migrationBuilder.DropTable(
                name: "TrainingCompletions");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_CooperativeId_PostedAt",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_Reverses",
                table: "LedgerEntries");
        }
    }
}
