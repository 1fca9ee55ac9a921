namespace RuralCommerce.Training.Domain.Courses;

/// <summary>
/// What a trainer writes for a lesson. <see cref="DurationSeconds"/> is the linked video's length; null keeps the
/// current one. An uploaded video's length is read from the file and is not typed.
/// </summary>
internal sealed record LessonContent(string Title, string Summary, int? DurationSeconds);

/// <summary>
/// A lesson's video: a file uploaded to the platform (named by its content, e.g. <c>ab12….webm</c>) or a link to a
/// public video platform.
/// </summary>
internal sealed record LessonVideo(string? FileName, string? ContentType, long? Bytes, int? Seconds, string? Link)
{
    public static LessonVideo Uploaded(string fileName, string contentType, long bytes, int seconds) => new(fileName, contentType, bytes, seconds, null);

    public static LessonVideo Linked(string link) => new(null, null, null, null, link);
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

    public bool VideoUploaded => VideoFile is not null;

    /// <summary>
    /// The fastest video a village network plays without stalling: a 400 kbit/s line less what the page, its retries
    /// and other phones on the same mast take.
    /// </summary>
    public const int SlowNetworkKilobitsPerSecond = 300;

    /// <summary>The video's bit rate in kbit/s, known for an uploaded video only.</summary>
    public int? VideoKilobitsPerSecond => VideoBytes is { } bytes && VideoFile is not null && DurationSeconds > 0
        ? (int)Math.Round(bytes * 8m / 1000m / DurationSeconds, MidpointRounding.AwayFromZero)
        : null;

    public bool StallsOnSlowNetworks => VideoKilobitsPerSecond > SlowNetworkKilobitsPerSecond;

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
        if (!VideoUploaded && content.DurationSeconds is { } seconds)
        {
            DurationSeconds = seconds;
        }
    }

    public void MoveTo(int position) => Position = position;

    public void AttachVideo(LessonVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        VideoFile = video.FileName;
        VideoContentType = video.ContentType;
        VideoBytes = video.Bytes;
        VideoLink = video.Link;
        if (video.Seconds is { } seconds)
        {
            DurationSeconds = seconds;
        }
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
