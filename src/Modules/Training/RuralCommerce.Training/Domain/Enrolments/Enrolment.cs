using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;

namespace RuralCommerce.Training.Domain.Enrolments;

internal readonly record struct EnrolmentId(Guid Value) : IStronglyTypedId<EnrolmentId>
{
    public static EnrolmentId From(Guid value) => new(value);
}

internal enum EnrolmentStatus
{
    InProgress,
    Completed,
}

internal enum EnrolmentSource
{
    /// <summary>The learner enrolled themselves.</summary>
    Self,

    /// <summary>The trainer enrolled the farmer by name and phone.</summary>
    Trainer,

    /// <summary>The trainer's CSV upload.</summary>
    Bulk,
}

/// <summary>
/// A learner: an account, or a farmer known by name, phone and village who has no account yet (linked when an account
/// verifies that phone); <see cref="MemberId"/> when the phone is a cooperative member's.
/// </summary>
internal sealed record Learner(Guid? AccountId, string Name, PhoneNumber Phone, string Village, Guid? MemberId, Guid? CooperativeId);

/// <summary>
/// One learner in one course: what they have watched of each lesson, their quiz attempts, and the certificate they
/// earn by finishing. Progress only ever grows.
/// </summary>
internal sealed class Enrolment : AggregateRoot
{
    private readonly List<LessonProgress> _lessons = [];

    private Enrolment()
    {
    }

    public EnrolmentId Id { get; private set; }

    public CourseId CourseId { get; private set; }

    public Guid? AccountId { get; private set; }

    public string LearnerName { get; private set; } = "";

    public PhoneNumber Phone { get; private set; }

    public string Village { get; private set; } = "";

    public Guid? MemberId { get; private set; }

    public Guid? CooperativeId { get; private set; }

    public EnrolmentSource Source { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? LastActivityAt { get; private set; }

    public int CompletedLessons { get; private set; }

    /// <summary>Seconds watched over the course's total, 0–100 (a lesson counts at most its length).</summary>
    public int ProgressPercent { get; private set; }

    public int QuizAttempts { get; private set; }

    public int? BestQuizScore { get; private set; }

    public DateTimeOffset? QuizPassedAt { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Whole days from enrolment to completion, kept for the dashboard's median.</summary>
    public int? DaysToComplete { get; private set; }

    public Certificate? Certificate { get; private set; }

    public IReadOnlyList<LessonProgress> Lessons => _lessons;

    public static Enrolment Enrol(EnrolmentId id, Course course, Learner learner, EnrolmentSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(learner);
        course.CheckOpenForEnrolment(now);
        var enrolment = new Enrolment
        {
            Id = id,
            CourseId = course.Id,
            AccountId = learner.AccountId,
            LearnerName = learner.Name,
            Phone = learner.Phone,
            Village = learner.Village,
            MemberId = learner.MemberId,
            CooperativeId = learner.CooperativeId,
            Source = source,
            EnrolledAt = now,
            Status = EnrolmentStatus.InProgress,
        };
        enrolment.AddDomainEvent(new LearnerEnrolled(enrolment));
        return enrolment;
    }

    /// <summary>The account that proved it owns the learner's phone takes over the enrolment.</summary>
    public void LinkAccount(Guid accountId) => AccountId ??= accountId;

    public void LinkMember(Guid memberId, Guid cooperativeId)
    {
        MemberId ??= memberId;
        CooperativeId ??= cooperativeId;
    }

    /// <summary>
    /// Adds what the player saw of a lesson. A lesson completes once <paramref name="completionShare"/> of its length has
    /// been watched; the course completes with its last lesson when there is no quiz, or the quiz was passed.
    /// </summary>
    public void RecordWatching(Course course, Guid lessonId, IReadOnlyList<WatchedSpan> spans, decimal completionShare, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(spans);
        var lesson = course.LessonById(lessonId);
        CheckRule(new ProgressIsForALessonOfTheCourseRule(this, course, lesson));
        CheckRule(new WatchingStaysWithinTheVideoRule(lesson!, spans));
        var progress = _lessons.SingleOrDefault(p => p.LessonId == lessonId);
        if (progress is null)
        {
            progress = LessonProgress.Start(CourseId, lessonId, lesson!.Position);
            _lessons.Add(progress);
        }

        LastActivityAt = LastActivityAt is { } last && last > now ? last : now;
        if (progress.Watch(spans, lesson!.DurationSeconds, completionShare, now))
        {
            CompletedLessons = _lessons.Count(p => p.IsCompleted);
            AddDomainEvent(new LessonCompleted(this, lesson));
        }

        ProgressPercent = course.TotalSeconds == 0
            ? 0
            : (int)(100L * course.Lessons.Sum(l => Math.Min(l.DurationSeconds, ProgressOf(l.Id)?.WatchedSeconds ?? 0)) / course.TotalSeconds);
        if (CompletedLessons == course.Lessons.Count)
        {
            ProgressPercent = 100;
        }

        CompleteIfDone(course, now);
    }

    /// <summary>Scores answers (question id → chosen option); true when they reach the pass mark.</summary>
    public QuizResult AttemptQuiz(Course course, IReadOnlyDictionary<Guid, int> answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(answers);
        CheckRule(new TheQuizIsTakenAfterEveryLessonRule(this, course));
        var right = course.Questions.Count(q => answers.TryGetValue(q.Id, out var chosen) && chosen == q.CorrectOption);
        var score = (int)Math.Round(100m * right / course.Questions.Count, MidpointRounding.AwayFromZero);
        var passed = score >= course.PassMarkPercent;
        QuizAttempts++;
        BestQuizScore = Math.Max(BestQuizScore ?? 0, score);
        LastActivityAt = now;
        if (passed)
        {
            QuizPassedAt ??= now;
        }

        CompleteIfDone(course, now);
        return new QuizResult(score, course.PassMarkPercent!.Value, passed, right, course.Questions.Count);
    }

    public void RevokeCertificate(string reason, DateTimeOffset now)
    {
        CheckRule(new OnlyAValidCertificateIsRevokedRule(Certificate));
        Certificate!.Revoke(reason, now);
        AddDomainEvent(new CertificateRevoked(this));
    }

    public LessonProgress? ProgressOf(Guid lessonId) => _lessons.SingleOrDefault(p => p.LessonId == lessonId);

    /// <summary>The first lesson not yet completed, in course order; null once all are.</summary>
    public Lesson? NextLesson(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return course.Lessons.FirstOrDefault(l => ProgressOf(l.Id)?.IsCompleted != true);
    }

    private void CompleteIfDone(Course course, DateTimeOffset now)
    {
        if (Status == EnrolmentStatus.Completed || CompletedLessons < course.Lessons.Count || (course.HasQuiz && QuizPassedAt is null))
        {
            return;
        }

        Status = EnrolmentStatus.Completed;
        CompletedAt = now;
        DaysToComplete = (int)Math.Floor((now - EnrolledAt).TotalDays);
        Certificate = Certificate.Issue(now);
        AddDomainEvent(new CourseCompleted(this, course));
    }
}

internal sealed record QuizResult(int ScorePercent, int PassMarkPercent, bool Passed, int Right, int Questions);

/// <summary>What one learner has watched of one lesson.</summary>
internal sealed class LessonProgress
{
    private LessonProgress()
    {
    }

    public CourseId CourseId { get; private set; }

    public Guid LessonId { get; private set; }

    public int Position { get; private set; }

    public string Watched { get; private set; } = "";

    public int WatchedSeconds { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public static LessonProgress Start(CourseId courseId, Guid lessonId, int position) =>
        new() { CourseId = courseId, LessonId = lessonId, Position = position };

    /// <summary>Adds the stretches; true when this completes the lesson.</summary>
    public bool Watch(IReadOnlyList<WatchedSpan> spans, int durationSeconds, decimal completionShare, DateTimeOffset now)
    {
        var union = WatchedSpans.Union(WatchedSpans.Parse(Watched), spans);
        Watched = WatchedSpans.Format(union);
        WatchedSeconds = WatchedSpans.Seconds(union);
        if (CompletedAt is not null || WatchedSeconds < Math.Ceiling(durationSeconds * completionShare))
        {
            return false;
        }

        CompletedAt = now;
        return true;
    }
}

internal sealed record LearnerEnrolled(Enrolment Enrolment) : IDomainEvent;

internal sealed record LessonCompleted(Enrolment Enrolment, Lesson Lesson) : IDomainEvent;

internal sealed record CourseCompleted(Enrolment Enrolment, Course Course) : IDomainEvent;

internal sealed record CertificateRevoked(Enrolment Enrolment) : IDomainEvent;
