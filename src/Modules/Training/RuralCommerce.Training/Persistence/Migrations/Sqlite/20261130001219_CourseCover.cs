using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CourseCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoverImage",
                table: "Courses",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoverImage",
                table: "Courses");
        }
    }
}
