using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Orders.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CooperativePayees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CooperativePayees",
                columns: table => new
                {
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeChatPaySubMerchantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AlipayMerchantId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperativePayees", x => x.CooperativeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CooperativePayees_AlipayMerchantId",
                table: "CooperativePayees",
                column: "AlipayMerchantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CooperativePayees_WeChatPaySubMerchantId",
                table: "CooperativePayees",
                column: "WeChatPaySubMerchantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CooperativePayees");
        }
    }
}
