using RuralCommerce.Training.Domain.Courses;

namespace RuralCommerce.Training.Features.Common;

/// <summary>
/// A lesson as learners and the trainer see it; <see cref="VideoUrl"/> is the uploaded file's address or the public
/// link. An uploaded video also tells its size and bit rate, and whether it plays on a village network without stalling.
/// </summary>
internal sealed record LessonResponse(
    Guid LessonId, int Position, string Title, string Summary, int DurationSeconds, string? VideoUrl, string? VideoContentType, bool VideoUploaded,
    long? VideoBytes, int? VideoKilobitsPerSecond, bool StallsOnSlowNetworks);

/// <summary>A quiz question; <see cref="CorrectOption"/> only for the course's trainer.</summary>
internal sealed record QuizQuestionResponse(Guid QuestionId, int Position, string Text, IReadOnlyList<string> Options, int? CorrectOption);

internal sealed record CourseResponse(
    Guid CourseId, string Title, string Topic, string SkillCategory, string Language, string Description, string Status, Guid TrainerAccountId,
    string TrainerName, Guid? CooperativeId, string? CoverUrl, string? CoverThumbnailUrl, int? Capacity, int EnrolledCount, DateTimeOffset? EnrolmentOpensAt, DateTimeOffset? EnrolmentClosesAt,
    int? PassMarkPercent, int TotalSeconds, IReadOnlyList<LessonResponse> Lessons, IReadOnlyList<QuizQuestionResponse> Quiz,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ArchivedAt);

/// <summary>A line of the catalogue.</summary>
internal sealed record CourseSummary(
    Guid CourseId, string Title, string Topic, string SkillCategory, string Language, string TrainerName, string? CoverThumbnailUrl, int LessonCount,
    int TotalSeconds, int EnrolledCount, int? Capacity, bool HasQuiz, string Status);

internal static class CourseResponses
{
    public static string VideoUrl(string fileName) => TrainingApiPaths.Url(TrainingApiPaths.VideoFile, fileName);

    public const string CoverSuffix = ".webp";
    public const string CoverThumbnailSuffix = ".thumb.webp";

    public static string? CoverUrl(string? contentHash, string suffix) =>
        contentHash is null ? null : TrainingApiPaths.Url(TrainingApiPaths.CoverFile, contentHash + suffix);

    public static LessonResponse ToResponse(this Lesson lesson) => new(
        lesson.Id, lesson.Position, lesson.Title, lesson.Summary, lesson.DurationSeconds,
        lesson.VideoFile is not null ? VideoUrl(lesson.VideoFile) : lesson.VideoLink, lesson.VideoContentType, lesson.VideoUploaded,
        lesson.VideoBytes, lesson.VideoKilobitsPerSecond, lesson.StallsOnSlowNetworks);

    /// <summary>The course as <paramref name="forTrainer"/> sees it (with the quiz's answers) or as a learner does.</summary>
    public static CourseResponse ToResponse(this Course course, bool forTrainer) => new(
        course.Id.Value, course.Title, course.Topic, course.Category.ToString(), course.Language, course.Description, course.Status.ToString(),
        course.TrainerAccountId, course.TrainerName, course.CooperativeId, CoverUrl(course.CoverImage, CoverSuffix),
        CoverUrl(course.CoverImage, CoverThumbnailSuffix), course.Capacity, course.EnrolledCount, course.EnrolmentOpensAt,
        course.EnrolmentClosesAt, course.PassMarkPercent, course.TotalSeconds, course.Lessons.Select(l => l.ToResponse()).ToList(),
        course.Questions.Select(q => new QuizQuestionResponse(q.Id, q.Position, q.Text, q.Options, forTrainer ? q.CorrectOption : null)).ToList(),
        course.CreatedAt, course.PublishedAt, course.ArchivedAt);

    public static CourseSummary ToSummary(this Course course) => new(
        course.Id.Value, course.Title, course.Topic, course.Category.ToString(), course.Language, course.TrainerName,
        CoverUrl(course.CoverImage, CoverThumbnailSuffix), course.Lessons.Count,
        course.TotalSeconds, course.EnrolledCount, course.Capacity, course.HasQuiz, course.Status.ToString());
}
