using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Orders.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class Fulfilment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompletedAt",
                schema: "orders",
                table: "Orders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                schema: "orders",
                table: "Orders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CooperativeLocations",
                schema: "orders",
                columns: table => new
                {
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Province = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    County = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperativeLocations", x => x.CooperativeId);
                });

            migrationBuilder.CreateTable(
                name: "LogisticsCentres",
                schema: "orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Province = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    County = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogisticsCentres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Shipments",
                schema: "orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SellerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LogisticsCentreId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Carrier = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    TrackingNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    PackedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ShippedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CashCollectedFen = table.Column<long>(type: "bigint", nullable: true),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shipments_Orders_OrderId",
                        column: x => x.OrderId,
                        principalSchema: "orders",
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogisticsCentreOperators",
                schema: "orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppointedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LogisticsCentreId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogisticsCentreOperators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogisticsCentreOperators_LogisticsCentres_LogisticsCentreId",
                        column: x => x.LogisticsCentreId,
                        principalSchema: "orders",
                        principalTable: "LogisticsCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_DeliveredAt",
                schema: "orders",
                table: "Orders",
                columns: new[] { "Status", "DeliveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LogisticsCentreOperators_AccountId",
                schema: "orders",
                table: "LogisticsCentreOperators",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_LogisticsCentreOperators_LogisticsCentreId_AccountId",
                schema: "orders",
                table: "LogisticsCentreOperators",
                columns: new[] { "LogisticsCentreId", "AccountId" },
                unique: true,
                filter: "[LogisticsCentreId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LogisticsCentres_Province_County",
                schema: "orders",
                table: "LogisticsCentres",
                columns: new[] { "Province", "County" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_CooperativeId_SellerId_Status",
                schema: "orders",
                table: "Shipments",
                columns: new[] { "CooperativeId", "SellerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_LogisticsCentreId_Status",
                schema: "orders",
                table: "Shipments",
                columns: new[] { "LogisticsCentreId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_OrderId",
                schema: "orders",
                table: "Shipments",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CooperativeLocations",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "LogisticsCentreOperators",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "Shipments",
                schema: "orders");

            migrationBuilder.DropTable(
                name: "LogisticsCentres",
                schema: "orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Status_DeliveredAt",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                schema: "orders",
                table: "Orders");
        }
    }
}
