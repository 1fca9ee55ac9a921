using System.Globalization;

namespace RuralCommerce.Training.Features.Common;

/// <summary>Where a learner's pages lead.</summary>
internal static class EnrolmentLinks
{
    public static string Lesson(Guid enrolmentId, Guid lessonId) => $"/my/training/{enrolmentId}/lessons/{lessonId}";

    public static string Quiz(Guid enrolmentId) => $"/my/training/{enrolmentId}/quiz";

    public static string Certificate(string code) => $"/my/certificates/{code}";

    /// <summary>The next lesson to watch, else the quiz, else the certificate.</summary>
    public static string Continue(EnrolmentResponse enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return enrolment.NextLessonId is { } next ? Lesson(enrolment.EnrolmentId, next)
            : enrolment.CertificateCode is { } code ? Certificate(code)
            : enrolment.HasQuiz ? Quiz(enrolment.EnrolmentId)
            : Lesson(enrolment.EnrolmentId, enrolment.Lessons[0].LessonId);
    }

    public static string Duration(int seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
}
