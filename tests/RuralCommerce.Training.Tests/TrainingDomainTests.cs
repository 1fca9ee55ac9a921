using RuralCommerce.SharedKernel;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Common;

namespace RuralCommerce.Training.Tests;

public sealed class TrainingDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Watched_stretches_are_kept_as_their_union()
    {
        var union = WatchedSpans.Union([new WatchedSpan(0, 10), new WatchedSpan(30, 40)], [new WatchedSpan(5, 20), new WatchedSpan(20, 25), new WatchedSpan(35, 38)]);

        Assert.Equal([new WatchedSpan(0, 25), new WatchedSpan(30, 40)], union);
        Assert.Equal(35, WatchedSpans.Seconds(union));
        Assert.Equal("0-25,30-40", WatchedSpans.Format(union));
        Assert.Equal(union, WatchedSpans.Parse("0-25,30-40"));
    }

    [Fact]
    public void Skipping_to_the_end_does_not_complete_a_lesson()
    {
        var (course, enrolment) = Enrolled(lessons: 1);
        var lesson = course.Lessons[0];

        enrolment.RecordWatching(course, lesson.Id, [new WatchedSpan(0, 5), new WatchedSpan(50, 60)], 0.9m, Now);

        Assert.Equal(0, enrolment.CompletedLessons);
        Assert.Equal(15, enrolment.ProgressOf(lesson.Id)!.WatchedSeconds);
        Assert.Equal(25, enrolment.ProgressPercent);
        Assert.Equal(EnrolmentStatus.InProgress, enrolment.Status);
    }

    [Fact]
    public void Replayed_and_out_of_order_reports_never_lower_progress()
    {
        var (course, enrolment) = Enrolled(lessons: 1);
        var lesson = course.Lessons[0];

        enrolment.RecordWatching(course, lesson.Id, [new WatchedSpan(20, 40)], 0.9m, Now);
        enrolment.RecordWatching(course, lesson.Id, [new WatchedSpan(0, 20)], 0.9m, Now.AddMinutes(1));
        var before = enrolment.ProgressOf(lesson.Id)!.WatchedSeconds;
        enrolment.RecordWatching(course, lesson.Id, [new WatchedSpan(0, 10)], 0.9m, Now.AddMinutes(-5));

        Assert.Equal(40, before);
        Assert.Equal(40, enrolment.ProgressOf(lesson.Id)!.WatchedSeconds);
        Assert.Equal(Now.AddMinutes(1), enrolment.LastActivityAt);
    }

    [Fact]
    public void Watching_ninety_percent_of_every_lesson_completes_a_course_without_a_quiz_and_issues_a_certificate()
    {
        var (course, enrolment) = Enrolled(lessons: 2);

        enrolment.RecordWatching(course, course.Lessons[0].Id, [new WatchedSpan(0, 54)], 0.9m, Now);
        enrolment.RecordWatching(course, course.Lessons[1].Id, [new WatchedSpan(0, 53)], 0.9m, Now);
        Assert.Equal(1, enrolment.CompletedLessons);
        enrolment.RecordWatching(course, course.Lessons[1].Id, [new WatchedSpan(53, 54)], 0.9m, Now.AddDays(3));

        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
        Assert.Equal(100, enrolment.ProgressPercent);
        Assert.Equal(3, enrolment.DaysToComplete);
        Assert.NotNull(Certificate.Normalise(enrolment.Certificate!.Code));
        Assert.Null(enrolment.NextLesson(course));
    }

    [Fact]
    public void A_quiz_opens_after_the_lessons_and_its_pass_completes_the_course()
    {
        var (course, enrolment) = Enrolled(lessons: 1, quiz: true);
        var questions = course.Questions;

        RuleAssert.AssertBrokenRule<TheQuizIsTakenAfterEveryLessonRule>(() => enrolment.AttemptQuiz(course, new Dictionary<Guid, int>(), Now));
        enrolment.RecordWatching(course, course.Lessons[0].Id, [new WatchedSpan(0, 60)], 0.9m, Now);
        Assert.Equal(EnrolmentStatus.InProgress, enrolment.Status);

        var failed = enrolment.AttemptQuiz(course, new Dictionary<Guid, int> { [questions[0].Id] = 0, [questions[1].Id] = 0 }, Now);
        var passed = enrolment.AttemptQuiz(course, new Dictionary<Guid, int> { [questions[0].Id] = 1, [questions[1].Id] = 1 }, Now);

        Assert.Equal((0, false), (failed.ScorePercent, failed.Passed));
        Assert.Equal((100, true), (passed.ScorePercent, passed.Passed));
        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
        Assert.Equal(2, enrolment.QuizAttempts);
    }

    [Fact]
    public void A_course_publishes_only_with_lessons_that_have_videos_and_then_keeps_its_structure()
    {
        var course = Course.Draft(new CourseId(Guid.NewGuid()), new CourseTrainer(Guid.NewGuid(), "Yang Mei", null), Details(), Now);
        RuleAssert.AssertBrokenRule<APublishedCourseHasLessonsWithVideosRule>(() => course.Publish(Now));

        var lesson = course.AddLesson(Guid.NewGuid(), new LessonContent("Substrate", "", 60), link: null);
        RuleAssert.AssertBrokenRule<APublishedCourseHasLessonsWithVideosRule>(() => course.Publish(Now));

        course.AttachVideo(lesson.Id, LessonVideo.Linked("https://v.example.cn/1"));
        course.Publish(Now);

        RuleAssert.AssertBrokenRule<OnlyADraftChangesItsStructureRule>(() => course.AddLesson(Guid.NewGuid(), new LessonContent("More", "", 30), link: null));
        RuleAssert.AssertBrokenRule<APublishedLessonKeepsItsLengthRule>(() => course.EditLesson(lesson.Id, new LessonContent("Substrate", "", 61), link: null));
        course.EditLesson(lesson.Id, new LessonContent("Substrate, revised", "Now with photos.", 60), link: null);
        RuleAssert.AssertBrokenRule<APublishedLessonKeepsItsLengthRule>(() => course.AttachVideo(lesson.Id, LessonVideo.Uploaded("a.webm", "video/webm", 1000, 24)));
        course.AttachVideo(lesson.Id, LessonVideo.Uploaded("a.webm", "video/webm", 1000, 60));
        course.Archive(Now);
        RuleAssert.AssertBrokenRule<LearnersEnrolInAPublishedCourseWhileItIsOpenRule>(() => course.CheckOpenForEnrolment(Now));
    }

    [Fact]
    public void An_uploaded_video_sets_its_lessons_length_and_a_linked_one_needs_a_typed_length()
    {
        var course = Course.Draft(new CourseId(Guid.NewGuid()), new CourseTrainer(Guid.NewGuid(), "Yang Mei", null), Details(), Now);
        RuleAssert.AssertBrokenRule<ALinkedVideoHasALengthRule>(() => course.AddLesson(Guid.NewGuid(), new LessonContent("Substrate", "", null), "https://v.example.cn/1"));
        var lesson = course.AddLesson(Guid.NewGuid(), new LessonContent("Substrate", "", 210), link: null);

        course.AttachVideo(lesson.Id, LessonVideo.Uploaded("a.webm", "video/webm", 30_500, 24));
        Assert.Equal(24, lesson.DurationSeconds);
        Assert.Equal(10, lesson.VideoKilobitsPerSecond);
        RuleAssert.AssertBrokenRule<AnUploadedVideoSetsItsLessonsLengthRule>(() => course.EditLesson(lesson.Id, new LessonContent("Substrate", "", 210), link: null));
        course.EditLesson(lesson.Id, new LessonContent("Substrate, revised", "", null), link: null);
        Assert.Equal(24, lesson.DurationSeconds);

        RuleAssert.AssertBrokenRule<ALinkedVideoHasALengthRule>(() => course.EditLesson(lesson.Id, new LessonContent("Substrate", "", null), "https://v.example.cn/1"));
        course.EditLesson(lesson.Id, new LessonContent("Substrate", "", 200), "https://v.example.cn/1");
        Assert.Equal(200, lesson.DurationSeconds);
        Assert.Null(lesson.VideoKilobitsPerSecond);

        course.AttachVideo(lesson.Id, LessonVideo.Uploaded("b.mp4", "video/mp4", 1_500_000, 30));
        Assert.True(lesson.StallsOnSlowNetworks);
    }

    [Fact]
    public void Enrolment_follows_the_course_window()
    {
        var course = Course.Draft(new CourseId(Guid.NewGuid()), new CourseTrainer(Guid.NewGuid(), "Yang Mei", null),
            Details(opens: Now.AddDays(1), closes: Now.AddDays(8)), Now);
        var lesson = course.AddLesson(Guid.NewGuid(), new LessonContent("Substrate", "", 60), link: null);
        course.AttachVideo(lesson.Id, LessonVideo.Linked("https://v.example.cn/1"));
        course.Publish(Now);

        RuleAssert.AssertBrokenRule<LearnersEnrolInAPublishedCourseWhileItIsOpenRule>(() => course.CheckOpenForEnrolment(Now));
        course.CheckOpenForEnrolment(Now.AddDays(2));
        RuleAssert.AssertBrokenRule<LearnersEnrolInAPublishedCourseWhileItIsOpenRule>(() => course.CheckOpenForEnrolment(Now.AddDays(8)));
        RuleAssert.AssertBrokenRule<AnEnrolmentWindowClosesAfterItOpensRule>(() => course.Edit(Details(opens: Now.AddDays(2), closes: Now.AddDays(1))));
    }

    [Fact]
    public void A_certificate_is_revoked_once()
    {
        var (course, enrolment) = Enrolled(lessons: 1);
        RuleAssert.AssertBrokenRule<OnlyAValidCertificateIsRevokedRule>(() => enrolment.RevokeCertificate("No certificate yet", Now));
        enrolment.RecordWatching(course, course.Lessons[0].Id, [new WatchedSpan(0, 60)], 0.9m, Now);

        enrolment.RevokeCertificate("Attendance was signed by someone else.", Now);

        Assert.True(enrolment.Certificate!.IsRevoked);
        RuleAssert.AssertBrokenRule<OnlyAValidCertificateIsRevokedRule>(() => enrolment.RevokeCertificate("Again", Now));
    }

    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("李伟", "李*")]
    [InlineData("Wang", "W**g")]
    [InlineData("M", "M")]
    public void Public_pages_show_names_partly_masked(string name, string masked) => Assert.Equal(masked, LearnerNames.Masked(name));

    [Theory]
    [InlineData("abcd-efgh-jkmn-pqrs", "ABCDEFGHJKMNPQRS")]
    [InlineData("ABCDEFGHJKMNPQR", null)]
    [InlineData("ABCDEFGHJKMNPQRI", null)]
    public void Certificate_codes_are_read_whatever_their_case_and_dashes(string typed, string? stored) =>
        Assert.Equal(stored, Certificate.Normalise(typed));

    private static CourseDetails Details(DateTimeOffset? opens = null, DateTimeOffset? closes = null) =>
        new("Mushrooms on corn cobs", "Mushrooms", SkillCategory.Cultivation, "zh-CN", "", null, opens, closes);

    private static (Course Course, Enrolment Enrolment) Enrolled(int lessons, bool quiz = false)
    {
        var course = Course.Draft(new CourseId(Guid.NewGuid()), new CourseTrainer(Guid.NewGuid(), "Yang Mei", null), Details(), Now);
        for (var i = 0; i < lessons; i++)
        {
            var lesson = course.AddLesson(Guid.NewGuid(), new LessonContent($"Lesson {i + 1}", "", 60), link: null);
            course.AttachVideo(lesson.Id, LessonVideo.Linked($"https://v.example.cn/{i}"));
        }

        if (quiz)
        {
            course.SetQuiz([new QuizQuestionContent("Substrate?", ["Straw", "Corn cobs"], 1), new QuizQuestionContent("Pick when?", ["Curled", "Flat"], 1)],
                50, Guid.NewGuid);
        }

        course.Publish(Now);
        var enrolment = Enrolment.Enrol(new EnrolmentId(Guid.NewGuid()), course,
            new Learner(null, "Long Xiu", PhoneNumber.Parse("+8613900001111"), "Miao", null, null), EnrolmentSource.Trainer, Now);
        return (course, enrolment);
    }
}
