using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Catalog.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class ShopIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Category_ListPriceFen",
                schema: "catalog",
                table: "Products",
                columns: new[] { "Status", "Category", "ListPriceFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Category_Name",
                schema: "catalog",
                table: "Products",
                columns: new[] { "Status", "Category", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_OriginCounty_ListedAt",
                schema: "catalog",
                table: "Products",
                columns: new[] { "Status", "OriginCounty", "ListedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_OriginCounty_ListPriceFen",
                schema: "catalog",
                table: "Products",
                columns: new[] { "Status", "OriginCounty", "ListPriceFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_OriginCounty_Name",
                schema: "catalog",
                table: "Products",
                columns: new[] { "Status", "OriginCounty", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Category_ListPriceFen",
                schema: "catalog",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_Category_Name",
                schema: "catalog",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_OriginCounty_ListedAt",
                schema: "catalog",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_OriginCounty_ListPriceFen",
                schema: "catalog",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Status_OriginCounty_Name",
                schema: "catalog",
                table: "Products");
        }
    }
}
