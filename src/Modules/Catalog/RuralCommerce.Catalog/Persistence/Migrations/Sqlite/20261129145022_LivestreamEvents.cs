using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Catalog.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class LivestreamEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LivestreamEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlannedStart = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StreamUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PinnedProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LivestreamEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeaturedProducts",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LivestreamPriceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    QuantityCap = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    FeaturedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeaturedProducts", x => new { x.EventId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_FeaturedProducts_LivestreamEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "LivestreamEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedProducts_ProductId",
                table: "FeaturedProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_LivestreamEvents_CooperativeId_PlannedStart",
                table: "LivestreamEvents",
                columns: new[] { "CooperativeId", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_LivestreamEvents_Status_PlannedStart",
                table: "LivestreamEvents",
                columns: new[] { "Status", "PlannedStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeaturedProducts");

            migrationBuilder.DropTable(
                name: "LivestreamEvents");
        }
    }
}
