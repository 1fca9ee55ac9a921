using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class FieldSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FieldSessions",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DurationMinutes = table.Column<int>(type: "int", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    AttendanceRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FieldSessionSignups",
                schema: "training",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FieldSessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SignedUpAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Attended = table.Column<bool>(type: "bit", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldSessionSignups", x => new { x.FieldSessionId, x.EnrolmentId });
                    table.ForeignKey(
                        name: "FK_FieldSessionSignups_FieldSessions_FieldSessionId",
                        column: x => x.FieldSessionId,
                        principalSchema: "training",
                        principalTable: "FieldSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldSessions_CourseId_StartsAt",
                schema: "training",
                table: "FieldSessions",
                columns: new[] { "CourseId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FieldSessionSignups",
                schema: "training");

            migrationBuilder.DropTable(
                name: "FieldSessions",
                schema: "training");
        }
    }
}
