using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class CourseCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoverImage",
                schema: "training",
                table: "Courses",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoverImage",
                schema: "training",
                table: "Courses");
        }
    }
}
