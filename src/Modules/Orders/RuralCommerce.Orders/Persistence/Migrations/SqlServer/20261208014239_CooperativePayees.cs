using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Orders.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class CooperativePayees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CooperativePayees",
                schema: "orders",
                columns: table => new
                {
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WeChatPaySubMerchantId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    AlipayMerchantId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperativePayees", x => x.CooperativeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CooperativePayees_AlipayMerchantId",
                schema: "orders",
                table: "CooperativePayees",
                column: "AlipayMerchantId",
                unique: true,
                filter: "[AlipayMerchantId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CooperativePayees_WeChatPaySubMerchantId",
                schema: "orders",
                table: "CooperativePayees",
                column: "WeChatPaySubMerchantId",
                unique: true,
                filter: "[WeChatPaySubMerchantId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CooperativePayees",
                schema: "orders");
        }
    }
}
