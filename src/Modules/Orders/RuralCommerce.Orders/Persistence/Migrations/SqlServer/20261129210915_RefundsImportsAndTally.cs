using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Orders.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class RefundsImportsAndTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Platform",
                schema: "orders",
                table: "Orders",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformOrderNumber",
                schema: "orders",
                table: "Orders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RefundRequests",
                schema: "orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeciderAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefundRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefundRequests_Orders_OrderId",
                        column: x => x.OrderId,
                        principalSchema: "orders",
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RefundRequestLines",
                schema: "orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    QuantityMilli = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Delivered = table.Column<bool>(type: "bit", nullable: false),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RefundRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefundRequestLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefundRequestLines_RefundRequests_RefundRequestId",
                        column: x => x.RefundRequestId,
                        principalSchema: "orders",
                        principalTable: "RefundRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Platform_PlatformOrderNumber",
                schema: "orders",
                table: "Orders",
                columns: new[] { "Platform", "PlatformOrderNumber" },
                unique: true,
                filter: "PlatformOrderNumber IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RefundRequestLines_RefundRequestId",
                schema: "orders",
                table: "RefundRequestLines",
                column: "RefundRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RefundRequests_CooperativeId_Status_RequestedAt",
                schema: "orders",
                table: "RefundRequests",
                columns: new[] { "CooperativeId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundRequests_OrderId",
                schema: "orders",
                table: "RefundRequests",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RefundRequestLines",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "RefundRequests",
                schema: "orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Platform_PlatformOrderNumber",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Platform",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PlatformOrderNumber",
                schema: "orders",
                table: "Orders");
        }
    }
}
