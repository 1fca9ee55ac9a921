using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class RosterAndDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LessonProgress_CourseId_LessonId",
                schema: "training",
                table: "LessonProgress");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId_LessonId_CompletedAt",
                schema: "training",
                table: "LessonProgress",
                columns: new[] { "CourseId", "LessonId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_Village_ProgressPercent",
                schema: "training",
                table: "Enrolments",
                columns: new[] { "CourseId", "Village", "ProgressPercent" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LessonProgress_CourseId_LessonId_CompletedAt",
                schema: "training",
                table: "LessonProgress");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CourseId_Village_ProgressPercent",
                schema: "training",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId_LessonId",
                schema: "training",
                table: "LessonProgress",
                columns: new[] { "CourseId", "LessonId" });
        }
    }
}
