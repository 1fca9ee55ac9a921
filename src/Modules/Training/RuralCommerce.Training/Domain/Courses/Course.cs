using RuralCommerce.SharedKernel;

namespace RuralCommerce.Training.Domain.Courses;

internal readonly record struct CourseId(Guid Value) : IStronglyTypedId<CourseId>
{
    public static CourseId From(Guid value) => new(value);
}

internal enum SkillCategory
{
    Cultivation,
    Livestock,
    Processing,
    ECommerceAndLivestreaming,
    Finance,
    Other,
}

internal enum CourseStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>What a trainer says about a course; the same for drafting and editing.</summary>
internal sealed record CourseDetails(
    string Title, string Topic, SkillCategory Category, string Language, string Description, int? Capacity,
    DateTimeOffset? EnrolmentOpensAt, DateTimeOffset? EnrolmentClosesAt);

/// <summary>The trainer who teaches a course: their account, the name learners see, and their cooperative (none for an independent trainer).</summary>
internal sealed record CourseTrainer(Guid AccountId, string Name, Guid? CooperativeId);

/// <summary>
/// A short-video course: ordered lessons and an optional final quiz. Its structure (lessons, quiz) is settled while it
/// is a draft; once published, learners' progress counts against it, so only texts and videos may still change.
/// </summary>
internal sealed class Course : AggregateRoot
{
    public const int MaxLessons = 50;
    public const int MaxQuestions = 30;

    private readonly List<Lesson> _lessons = [];
    private readonly List<QuizQuestion> _questions = [];

    private Course()
    {
    }

    public CourseId Id { get; private set; }

    public Guid TrainerAccountId { get; private set; }

    public string TrainerName { get; private set; } = "";

    public Guid? CooperativeId { get; private set; }

    public string Title { get; private set; } = "";

    public string Topic { get; private set; } = "";

    /// <summary>The topic folded for matching (the catalogue's filter), whatever its case.</summary>
    public string TopicKey { get; private set; } = "";

    public SkillCategory Category { get; private set; }

    public string Language { get; private set; } = "zh-CN";

    public string Description { get; private set; } = "";

    public int? Capacity { get; private set; }

    /// <summary>The cover photo's content hash (its files are <c>{hash}.webp</c> and <c>{hash}.thumb.webp</c>); null without one.</summary>
    public string? CoverImage { get; private set; }

    public DateTimeOffset? EnrolmentOpensAt { get; private set; }

    public DateTimeOffset? EnrolmentClosesAt { get; private set; }

    /// <summary>Kept by one conditional update per enrolment, so a full cohort is never overfilled.</summary>
    public int EnrolledCount { get; private set; }

    public int? PassMarkPercent { get; private set; }

    public CourseStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    public IReadOnlyList<Lesson> Lessons => _lessons.OrderBy(l => l.Position).ToList();

    public IReadOnlyList<QuizQuestion> Questions => _questions.OrderBy(q => q.Position).ToList();

    public bool HasQuiz => _questions.Count > 0;

    public int TotalSeconds => _lessons.Sum(l => l.DurationSeconds);

    public static string KeyOf(string topic) => topic.Trim().ToUpperInvariant();

    public static Course Draft(CourseId id, CourseTrainer trainer, CourseDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var course = new Course
        {
            Id = id,
            TrainerAccountId = trainer.AccountId,
            TrainerName = trainer.Name,
            CooperativeId = trainer.CooperativeId,
            Status = CourseStatus.Draft,
            CreatedAt = now,
        };
        course.Apply(details);
        return course;
    }

    public void Edit(CourseDetails details)
    {
        CheckRule(new AnArchivedCourseDoesNotChangeRule(this));
        Apply(details);
    }

    /// <summary>Adds a lesson; without a <paramref name="link"/> its video is uploaded later, which sets its length.</summary>
    public Lesson AddLesson(Guid lessonId, LessonContent content, string? link)
    {
        CheckRule(new OnlyADraftChangesItsStructureRule(this));
        CheckRule(new ACourseHasAtMostFiftyLessonsRule(_lessons.Count));
        CheckRule(new ALinkedVideoHasALengthRule(link, content.DurationSeconds ?? 0));
        var lesson = Lesson.Create(lessonId, _lessons.Count + 1, content);
        if (link is not null)
        {
            lesson.AttachVideo(LessonVideo.Linked(link));
        }

        _lessons.Add(lesson);
        return lesson;
    }

    /// <summary>Changes a lesson's words, and its link and length when it links to its video (a new link replaces an upload).</summary>
    public Lesson EditLesson(Guid lessonId, LessonContent content, string? link)
    {
        CheckRule(new AnArchivedCourseDoesNotChangeRule(this));
        var lesson = FindLesson(lessonId);
        // A published lesson keeps its length: learners' watched shares are measured against it.
        CheckRule(new APublishedLessonKeepsItsLengthRule(this, lesson, content.DurationSeconds));
        if (link is null)
        {
            CheckRule(new AnUploadedVideoSetsItsLessonsLengthRule(lesson, content.DurationSeconds));
        }
        else
        {
            CheckRule(new ALinkedVideoHasALengthRule(link, content.DurationSeconds ?? (lesson.VideoUploaded ? 0 : lesson.DurationSeconds)));
            lesson.AttachVideo(LessonVideo.Linked(link));
        }

        lesson.Change(content);
        return lesson;
    }

    public void RemoveLesson(Guid lessonId)
    {
        CheckRule(new OnlyADraftChangesItsStructureRule(this));
        var lesson = FindLesson(lessonId);
        _lessons.Remove(lesson);
        foreach (var later in _lessons.Where(l => l.Position > lesson.Position))
        {
            later.MoveTo(later.Position - 1);
        }
    }

    public void MoveLesson(Guid lessonId, int position)
    {
        CheckRule(new OnlyADraftChangesItsStructureRule(this));
        var lesson = FindLesson(lessonId);
        var ordered = Lessons.Where(l => l != lesson).ToList();
        ordered.Insert(Math.Clamp(position, 1, ordered.Count + 1) - 1, lesson);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }
    }

    public void AttachVideo(Guid lessonId, LessonVideo video)
    {
        CheckRule(new AnArchivedCourseDoesNotChangeRule(this));
        var lesson = FindLesson(lessonId);
        CheckRule(new APublishedLessonKeepsItsLengthRule(this, lesson, video.Seconds));
        lesson.AttachVideo(video);
    }

    public void SetCover(string contentHash)
    {
        CheckRule(new AnArchivedCourseDoesNotChangeRule(this));
        CoverImage = contentHash;
    }

    /// <summary>Replaces the final quiz (no questions: no quiz).</summary>
    public void SetQuiz(IReadOnlyList<QuizQuestionContent> questions, int? passMarkPercent, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(newId);
        CheckRule(new OnlyADraftChangesItsStructureRule(this));
        CheckRule(new AQuizHasAPassMarkRule(questions.Count, passMarkPercent));
        _questions.Clear();
        _questions.AddRange(questions.Select((q, i) => QuizQuestion.Create(newId(), i + 1, q)));
        PassMarkPercent = questions.Count == 0 ? null : passMarkPercent;
    }

    public void Publish(DateTimeOffset now)
    {
        CheckRule(new OnlyADraftIsPublishedRule(this));
        CheckRule(new APublishedCourseHasLessonsWithVideosRule(this));
        Status = CourseStatus.Published;
        PublishedAt = now;
        AddDomainEvent(new CoursePublished(this));
    }

    public void Archive(DateTimeOffset now)
    {
        CheckRule(new OnlyAPublishedCourseIsArchivedRule(this));
        Status = CourseStatus.Archived;
        ArchivedAt = now;
        AddDomainEvent(new CourseArchived(this));
    }

    /// <summary>Whether a learner may enrol now (capacity is held by the conditional update that counts them).</summary>
    public void CheckOpenForEnrolment(DateTimeOffset now) => CheckRule(new LearnersEnrolInAPublishedCourseWhileItIsOpenRule(this, now));

    public Lesson? LessonById(Guid lessonId) => _lessons.SingleOrDefault(l => l.Id == lessonId);

    private Lesson FindLesson(Guid lessonId) => LessonById(lessonId) ?? throw new NotFoundException("Lesson", lessonId);

    private void Apply(CourseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new AnEnrolmentWindowClosesAfterItOpensRule(details.EnrolmentOpensAt, details.EnrolmentClosesAt));
        CheckRule(new ACapacityIsNotBelowTheEnrolledRule(details.Capacity, EnrolledCount));
        Title = details.Title;
        Topic = details.Topic;
        TopicKey = KeyOf(details.Topic);
        Category = details.Category;
        Language = details.Language;
        Description = details.Description;
        Capacity = details.Capacity;
        EnrolmentOpensAt = details.EnrolmentOpensAt;
        EnrolmentClosesAt = details.EnrolmentClosesAt;
    }
}

internal sealed record CoursePublished(Course Course) : IDomainEvent;

internal sealed record CourseArchived(Course Course) : IDomainEvent;
