using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Catalog.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class LivestreamEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LivestreamEvents",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HostMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PlannedStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PlannedEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StreamUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PinnedProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LivestreamEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeaturedProducts",
                schema: "catalog",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LivestreamPriceFen = table.Column<long>(type: "bigint", nullable: true),
                    QuantityCap = table.Column<decimal>(type: "decimal(18,3)", precision: 18, scale: 3, nullable: true),
                    FeaturedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeaturedProducts", x => new { x.EventId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_FeaturedProducts_LivestreamEvents_EventId",
                        column: x => x.EventId,
                        principalSchema: "catalog",
                        principalTable: "LivestreamEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedProducts_ProductId",
                schema: "catalog",
                table: "FeaturedProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_LivestreamEvents_CooperativeId_PlannedStart",
                schema: "catalog",
                table: "LivestreamEvents",
                columns: new[] { "CooperativeId", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_LivestreamEvents_Status_PlannedStart",
                schema: "catalog",
                table: "LivestreamEvents",
                columns: new[] { "Status", "PlannedStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeaturedProducts",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "LivestreamEvents",
                schema: "catalog");
        }
    }
}
