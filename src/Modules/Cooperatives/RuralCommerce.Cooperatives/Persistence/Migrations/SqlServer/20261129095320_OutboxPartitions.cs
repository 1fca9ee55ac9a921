using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Cooperatives.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class OutboxPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartitionKey",
                schema: "cooperatives",
                table: "OutboxMessages",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PartitionKey_ProcessedAt_OccurredAt",
                schema: "cooperatives",
                table: "OutboxMessages",
                columns: new[] { "PartitionKey", "ProcessedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PartitionKey_ProcessedAt_OccurredAt",
                schema: "cooperatives",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PartitionKey",
                schema: "cooperatives",
                table: "OutboxMessages");
        }
    }
}
