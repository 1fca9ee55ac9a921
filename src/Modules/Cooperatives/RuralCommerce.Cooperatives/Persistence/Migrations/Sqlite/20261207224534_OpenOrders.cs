using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Cooperatives.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OpenOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenOrders",
                columns: table => new
                {
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenOrders", x => new { x.CooperativeId, x.OrderId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenOrders_OrderId",
                table: "OpenOrders",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenOrders");
        }
    }
}
