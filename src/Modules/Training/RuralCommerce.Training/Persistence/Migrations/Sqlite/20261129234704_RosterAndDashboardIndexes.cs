using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class RosterAndDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LessonProgress_CourseId_LessonId",
                table: "LessonProgress");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId_LessonId_CompletedAt",
                table: "LessonProgress",
                columns: new[] { "CourseId", "LessonId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_Village_ProgressPercent",
                table: "Enrolments",
                columns: new[] { "CourseId", "Village", "ProgressPercent" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LessonProgress_CourseId_LessonId_CompletedAt",
                table: "LessonProgress");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CourseId_Village_ProgressPercent",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId_LessonId",
                table: "LessonProgress",
                columns: new[] { "CourseId", "LessonId" });
        }
    }
}
