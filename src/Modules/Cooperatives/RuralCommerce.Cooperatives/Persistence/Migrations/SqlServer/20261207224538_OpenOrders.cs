using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Cooperatives.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class OpenOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenOrders",
                schema: "cooperatives",
                columns: table => new
                {
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenOrders", x => new { x.CooperativeId, x.OrderId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenOrders_OrderId",
                schema: "cooperatives",
                table: "OpenOrders",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenOrders",
                schema: "cooperatives");
        }
    }
}
