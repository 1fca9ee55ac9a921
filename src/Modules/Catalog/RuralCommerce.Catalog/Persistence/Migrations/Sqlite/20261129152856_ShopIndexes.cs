using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Catalog.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ShopIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Category_ListPriceFen",
                table: "Products",
                columns: new[] { "Status", "Category", "ListPriceFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Category_Name",
                table: "Products",
                columns: new[] { "Status", "Category", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_OriginCounty_ListedAt",
                table: "Products",
                columns: new[] { "Status", "OriginCounty", "ListedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_OriginCounty_ListPriceFen",
                table: "Products",
                columns: new[] { "Status", "OriginCounty", "ListPriceFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_OriginCounty_Name",
                table: "Products",
                columns: new[] { "Status", "OriginCounty", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Category_ListPriceFen",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Category_Name",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_OriginCounty_ListedAt",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_OriginCounty_ListPriceFen",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_OriginCounty_Name",
                table: "Products");
        }
    }
}
