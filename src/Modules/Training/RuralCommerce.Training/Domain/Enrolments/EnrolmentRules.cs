using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;

namespace RuralCommerce.Training.Domain.Enrolments;

internal sealed class ProgressIsForALessonOfTheCourseRule(Enrolment enrolment, Course course, Lesson? lesson) : IBusinessRule
{
    public string Message => "Progress is reported for a lesson of the enrolment's own course.";

    public bool IsBroken() => course.Id != enrolment.CourseId || lesson is null;
}

internal sealed class WatchingStaysWithinTheVideoRule(Lesson lesson, IReadOnlyList<WatchedSpan> spans) : IBusinessRule
{
    public string Message => $"Watched stretches lie within the video's {lesson.DurationSeconds} seconds, each ending after it starts.";

    public bool IsBroken() => spans.Any(s => s.From < 0 || s.To <= s.From || s.To > lesson.DurationSeconds);
}

internal sealed class TheQuizIsTakenAfterEveryLessonRule(Enrolment enrolment, Course course) : IBusinessRule
{
    public string Message => course.HasQuiz
        ? "The final quiz opens once every lesson has been watched."
        : "This course has no quiz.";

    public bool IsBroken() => !course.HasQuiz || enrolment.CompletedLessons < course.Lessons.Count;
}

internal sealed class OnlyAValidCertificateIsRevokedRule(Certificate? certificate) : IBusinessRule
{
    public string Message => certificate is null ? "The learner has no certificate yet." : "The certificate was already revoked.";

    public bool IsBroken() => certificate is null || certificate.IsRevoked;
}
