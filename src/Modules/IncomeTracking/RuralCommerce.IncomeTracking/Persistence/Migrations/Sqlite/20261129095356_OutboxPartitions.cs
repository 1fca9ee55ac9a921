using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.IncomeTracking.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OutboxPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartitionKey",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PartitionKey_ProcessedAt_OccurredAt",
                table: "OutboxMessages",
                columns: new[] { "PartitionKey", "ProcessedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PartitionKey_ProcessedAt_OccurredAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PartitionKey",
                table: "OutboxMessages");
        }
    }
}
