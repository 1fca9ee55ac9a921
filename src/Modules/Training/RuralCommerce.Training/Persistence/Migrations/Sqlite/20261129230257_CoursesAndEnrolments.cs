using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RuralCommerce.Training.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CoursesAndEnrolments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TopicKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    EnrolmentOpensAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnrolmentClosesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnrolledCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PassMarkPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LearnerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedLessons = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    QuizAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    BestQuizScore = table.Column<int>(type: "INTEGER", nullable: true),
                    QuizPassedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DaysToComplete = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CertificateIssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CertificateRevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CertificateRevocationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsTrainer = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerifiedAccounts",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerifiedAccounts", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "Lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoFile = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    VideoContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VideoBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    VideoLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lessons_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CorrectOption = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizQuestions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LessonProgress",
                columns: table => new
                {
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Watched = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WatchedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonProgress", x => new { x.EnrolmentId, x.LessonId });
                    table.ForeignKey(
                        name: "FK_LessonProgress_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Status_Category_PublishedAt",
                table: "Courses",
                columns: new[] { "Status", "Category", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_TrainerAccountId_CreatedAt",
                table: "Courses",
                columns: new[] { "TrainerAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_AccountId_EnrolledAt",
                table: "Enrolments",
                columns: new[] { "AccountId", "EnrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CertificateCode",
                table: "Enrolments",
                column: "CertificateCode",
                unique: true,
                filter: "CertificateCode IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_EnrolledAt",
                table: "Enrolments",
                columns: new[] { "CourseId", "EnrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_LastActivityAt",
                table: "Enrolments",
                columns: new[] { "CourseId", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_Phone",
                table: "Enrolments",
                columns: new[] { "CourseId", "Phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_Status_DaysToComplete",
                table: "Enrolments",
                columns: new[] { "CourseId", "Status", "DaysToComplete" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_Phone",
                table: "Enrolments",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_LessonProgress_CourseId_LessonId",
                table: "LessonProgress",
                columns: new[] { "CourseId", "LessonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_CourseId",
                table: "Lessons",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Phone",
                table: "Members",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_QuizQuestions_CourseId",
                table: "QuizQuestions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_VerifiedAccounts_Phone",
                table: "VerifiedAccounts",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LessonProgress");

            migrationBuilder.DropTable(
                name: "Lessons");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "QuizQuestions");

            migrationBuilder.DropTable(
                name: "VerifiedAccounts");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "Courses");
        }
    }
}
