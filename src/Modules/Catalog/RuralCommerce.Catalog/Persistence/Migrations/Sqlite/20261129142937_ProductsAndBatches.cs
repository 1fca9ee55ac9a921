using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Catalog.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ProductsAndBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CodeKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HarvestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    QuantityProduced = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cooperatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SellerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CodeKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NetContentAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    NetContentUnit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ListPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginCounty = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OriginVillage = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DelistReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ListedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StockOnHand = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    StockSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Delta = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    StockOnHand = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ByMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockAdjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductPhotos_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Batches_CooperativeId_CodeKey",
                table: "Batches",
                columns: new[] { "CooperativeId", "CodeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Batches_ProductId",
                table: "Batches",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CooperativeId",
                table: "Members",
                column: "CooperativeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductPhotos_ContentHash",
                table: "ProductPhotos",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_ProductPhotos_ProductId",
                table: "ProductPhotos",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CooperativeId_CodeKey",
                table: "Products",
                columns: new[] { "CooperativeId", "CodeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_CooperativeId_SellerId_Status",
                table: "Products",
                columns: new[] { "CooperativeId", "SellerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Category_ListedAt",
                table: "Products",
                columns: new[] { "Status", "Category", "ListedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_ListedAt",
                table: "Products",
                columns: new[] { "Status", "ListedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_ListPriceFen",
                table: "Products",
                columns: new[] { "Status", "ListPriceFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Name",
                table: "Products",
                columns: new[] { "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_StockAdjustments_ProductId_Sequence",
                table: "StockAdjustments",
                columns: new[] { "ProductId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Batches");

            migrationBuilder.DropTable(
                name: "Cooperatives");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "ProductPhotos");

            migrationBuilder.DropTable(
                name: "StockAdjustments");

            migrationBuilder.DropTable(
                name: "Products");
        }
    }
}
