using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class CoursesAndEnrolments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Courses",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainerAccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TrainerName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    TopicKey = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: true),
                    EnrolmentOpensAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EnrolmentClosesAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EnrolledCount = table.Column<int>(type: "int", nullable: false),
                    PassMarkPercent = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LearnerName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Village = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletedLessons = table.Column<int>(type: "int", nullable: false),
                    ProgressPercent = table.Column<int>(type: "int", nullable: false),
                    QuizAttempts = table.Column<int>(type: "int", nullable: false),
                    BestQuizScore = table.Column<int>(type: "int", nullable: true),
                    QuizPassedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DaysToComplete = table.Column<int>(type: "int", nullable: true),
                    CertificateCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    CertificateIssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CertificateRevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CertificateRevocationReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Village = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IsTrainer = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerifiedAccounts",
                schema: "training",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerifiedAccounts", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "Lessons",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DurationSeconds = table.Column<int>(type: "int", nullable: false),
                    VideoFile = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    VideoContentType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    VideoBytes = table.Column<long>(type: "bigint", nullable: true),
                    VideoLink = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lessons_Courses_CourseId",
                        column: x => x.CourseId,
                        principalSchema: "training",
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizQuestions",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CorrectOption = table.Column<int>(type: "int", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizQuestions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalSchema: "training",
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LessonProgress",
                schema: "training",
                columns: table => new
                {
                    LessonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Watched = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WatchedSeconds = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonProgress", x => new { x.EnrolmentId, x.LessonId });
                    table.ForeignKey(
                        name: "FK_LessonProgress_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalSchema: "training",
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Status_Category_PublishedAt",
                schema: "training",
                table: "Courses",
                columns: new[] { "Status", "Category", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_TrainerAccountId_CreatedAt",
                schema: "training",
                table: "Courses",
                columns: new[] { "TrainerAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_AccountId_EnrolledAt",
                schema: "training",
                table: "Enrolments",
                columns: new[] { "AccountId", "EnrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CertificateCode",
                schema: "training",
                table: "Enrolments",
                column: "CertificateCode",
                unique: true,
                filter: "CertificateCode IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_EnrolledAt",
                schema: "training",
                table: "Enrolments",
                columns: new[] { "CourseId", "EnrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_LastActivityAt",
                schema: "training",
                table: "Enrolments",
                columns: new[] { "CourseId", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_Phone",
                schema: "training",
                table: "Enrolments",
                columns: new[] { "CourseId", "Phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_Status_DaysToComplete",
                schema: "training",
                table: "Enrolments",
                columns: new[] { "CourseId", "Status", "DaysToComplete" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_Phone",
                schema: "training",
                table: "Enrolments",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId_LessonId",
                schema: "training",
                table: "LessonProgress",
                columns: new[] { "CourseId", "LessonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_CourseId",
                schema: "training",
                table: "Lessons",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Phone",
                schema: "training",
                table: "Members",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_QuizQuestions_CourseId",
                schema: "training",
                table: "QuizQuestions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_VerifiedAccounts_Phone",
                schema: "training",
                table: "VerifiedAccounts",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LessonProgress",
                schema: "training");

            migrationBuilder.DropTable(
                name: "Lessons",
                schema: "training");

            migrationBuilder.DropTable(
                name: "Members",
                schema: "training");

            migrationBuilder.DropTable(
                name: "QuizQuestions",
                schema: "training");

            migrationBuilder.DropTable(
                name: "VerifiedAccounts",
                schema: "training");

            migrationBuilder.DropTable(
                name: "Enrolments",
                schema: "training");

            migrationBuilder.DropTable(
                name: "Courses",
                schema: "training");
        }
    }
}
