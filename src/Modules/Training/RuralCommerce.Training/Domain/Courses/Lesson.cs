namespace RuralCommerce.Training.Domain.Courses;

/// <summary>What a trainer writes for a lesson.</summary>
internal sealed record LessonContent(string Title, string Summary, int DurationSeconds);

/// <summary>
/// A lesson's video: a file uploaded to the platform (named by its content, e.g. <c>ab12….webm</c>) or a link to a
/// public video platform.
/// </summary>
internal sealed record LessonVideo(string? FileName, string? ContentType, long? Bytes, string? Link)
{
    public static LessonVideo Uploaded(string fileName, string contentType, long bytes) => new(fileName, contentType, bytes, null);

    public static LessonVideo Linked(string link) => new(null, null, null, link);
}

/// <summary>One short video of a course, watched in order.</summary>
internal sealed class Lesson
{
    private Lesson()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public int DurationSeconds { get; private set; }

    public string? VideoFile { get; private set; }

    public string? VideoContentType { get; private set; }

    public long? VideoBytes { get; private set; }

    public string? VideoLink { get; private set; }

    public bool HasVideo => VideoFile is not null || VideoLink is not null;

    public static Lesson Create(Guid id, int position, LessonContent content)
    {
        var lesson = new Lesson { Id = id, Position = position };
        lesson.Change(content);
        return lesson;
    }

    public void Change(LessonContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Title = content.Title;
        Summary = content.Summary;
        DurationSeconds = content.DurationSeconds;
    }

    public void MoveTo(int position) => Position = position;

    public void AttachVideo(LessonVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        VideoFile = video.FileName;
        VideoContentType = video.ContentType;
        VideoBytes = video.Bytes;
        VideoLink = video.Link;
    }
}

/// <summary>What a trainer writes for a multiple-choice question: its options and the index of the right one.</summary>
internal sealed record QuizQuestionContent(string Text, IReadOnlyList<string> Options, int CorrectOption);

/// <summary>One multiple-choice question of a course's final quiz.</summary>
internal sealed class QuizQuestion
{
    private QuizQuestion()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; } = "";

    public IReadOnlyList<string> Options { get; private set; } = [];

    public int CorrectOption { get; private set; }

    public static QuizQuestion Create(Guid id, int position, QuizQuestionContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new QuizQuestion
        {
            Id = id,
            Position = position,
            Text = content.Text,
            Options = content.Options,
            CorrectOption = content.CorrectOption,
        };
    }
}
