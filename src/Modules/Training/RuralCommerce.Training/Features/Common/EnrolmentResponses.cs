using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;

namespace RuralCommerce.Training.Features.Common;

internal sealed record LessonProgressResponse(
    Guid LessonId, int Position, string Title, int DurationSeconds, int WatchedSeconds, bool Completed, string? VideoUrl, string? VideoContentType);

/// <summary>A learner's enrolment: their progress through each lesson, the next to watch, their quiz and certificate.</summary>
internal sealed record EnrolmentResponse(
    Guid EnrolmentId, Guid CourseId, string CourseTitle, string Topic, string TrainerName, string Status, int ProgressPercent, int CompletedLessons,
    int LessonCount, Guid? NextLessonId, bool HasQuiz, int? PassMarkPercent, int? BestQuizScore, bool QuizPassed, DateTimeOffset EnrolledAt,
    DateTimeOffset? CompletedAt, string? CertificateCode, bool CertificateRevoked, IReadOnlyList<LessonProgressResponse> Lessons);

internal static class EnrolmentResponses
{
    public static EnrolmentResponse ToResponse(this Enrolment enrolment, Course course) => new(
        enrolment.Id.Value, course.Id.Value, course.Title, course.Topic, course.TrainerName, enrolment.Status.ToString(), enrolment.ProgressPercent,
        enrolment.CompletedLessons, course.Lessons.Count, enrolment.NextLesson(course)?.Id, course.HasQuiz, course.PassMarkPercent,
        enrolment.BestQuizScore, enrolment.QuizPassedAt is not null, enrolment.EnrolledAt, enrolment.CompletedAt, enrolment.Certificate?.Code,
        enrolment.Certificate?.IsRevoked ?? false,
        course.Lessons.Select(l =>
        {
            var progress = enrolment.ProgressOf(l.Id);
            var lesson = l.ToResponse();
            return new LessonProgressResponse(
                l.Id, l.Position, l.Title, l.DurationSeconds, progress?.WatchedSeconds ?? 0, progress?.IsCompleted ?? false, lesson.VideoUrl,
                lesson.VideoContentType);
        }).ToList());
}
