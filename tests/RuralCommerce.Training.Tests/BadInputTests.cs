using System.Net;

namespace RuralCommerce.Training.Tests;

public sealed class BadInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Authoring_mistakes_get_a_clear_answer_and_change_nothing()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms())).Body;

        var publishedEmpty = await trainer.Training.Publish(course.CourseId);
        Assert.Equal("APublishedCourseHasLessonsWithVideosRule", publishedEmpty.BrokenRule);
        var zero = await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(1, seconds: 0));
        Assert.Equal(HttpStatusCode.BadRequest, zero.Status);
        Assert.True(zero.FieldErrors.ContainsKey("durationSeconds"));
        var notHttps = await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(1) with { VideoLink = "javascript:alert(1)" });
        Assert.True(notHttps.FieldErrors.ContainsKey("videoLink"));
        var badCategory = await trainer.Training.CreateCourse(TrainingTestData.Mushrooms() with { SkillCategory = "Alchemy" });
        Assert.True(badCategory.FieldErrors.ContainsKey("skillCategory"));
        var badQuiz = await trainer.Training.SetQuiz(course.CourseId, new([new("Only one option?", ["Yes"], 0)], 50));
        Assert.True(badQuiz.FieldErrors.ContainsKey("questions[0].options"));
        var noPassMark = await trainer.Training.SetQuiz(course.CourseId, TrainingTestData.Quiz() with { PassMarkPercent = null });
        Assert.True(noPassMark.FieldErrors.ContainsKey("passMarkPercent"));

        var hugeCapacity = await trainer.Training.CreateCourse(TrainingTestData.Mushrooms(capacity: 2_000_000_000));
        Assert.True(hugeCapacity.FieldErrors.ContainsKey("capacity"));
        var lessonOne = Guid.CreateVersion7();
        var position51 = await trainer.Training.MoveLesson(course.CourseId, lessonOne, 51);
        Assert.True(position51.FieldErrors.ContainsKey("position"));

        var unchanged = (await trainer.Training.GetCourse(course.CourseId)).Body;
        Assert.Equal(("Draft", 0, 0), (unchanged.Status, unchanged.Lessons.Count, unchanged.Quiz.Count));

        var learner = await factory.LearnerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.Training.CreateCourse(TrainingTestData.Mushrooms())).Status);
        var other = await factory.IndependentTrainerAsync("Another Trainer");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(1))).Status);
        Assert.Equal("LearnersEnrolInAPublishedCourseWhileItIsOpenRule", (await learner.Training.Enrol(course.CourseId)).BrokenRule);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Training.PublishedCourse(course.CourseId)).Status);
    }

    [Fact]
    public async Task Learning_mistakes_get_a_clear_answer_and_change_nothing()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1);
        var otherCourse = await trainer.Training.PublishedCourseAsync(lessons: 1);
        var learner = await factory.LearnerAsync();
        var enrolment = (await learner.Training.Enrol(course.CourseId)).Body;
        var lesson = course.Lessons[0].LessonId;

        var beyond = await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (0m, 10m), (50m, 75m));
        Assert.True(beyond.FieldErrors.ContainsKey("watched[1]"));
        var backwards = await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (30m, 20m));
        Assert.True(backwards.FieldErrors.ContainsKey("watched[0]"));
        var foreign = await learner.Training.ReportProgress(enrolment.EnrolmentId, otherCourse.Lessons[0].LessonId, (0m, 60m));
        Assert.True(foreign.FieldErrors.ContainsKey("lessonId"));
        Assert.Equal(0, (await learner.Training.MyEnrolment(enrolment.EnrolmentId)).Body.Lessons[0].WatchedSeconds);

        _ = (await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (0m, 60m))).Body;
        var unknownQuestion = await learner.Training.AttemptQuiz(enrolment.EnrolmentId, (Guid.NewGuid(), 0));
        Assert.True(unknownQuestion.FieldErrors.ContainsKey("answers[0].questionId"));
        var unknownOption = await learner.Training.AttemptQuiz(enrolment.EnrolmentId, (course.Quiz[0].QuestionId, 7));
        Assert.True(unknownOption.FieldErrors.ContainsKey("answers[0].option"));
        Assert.Equal(0, (await learner.Training.MyEnrolment(enrolment.EnrolmentId)).Body.BestQuizScore ?? 0);

        var stranger = await factory.LearnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Training.ReportProgress(enrolment.EnrolmentId, lesson, (0m, 1m))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Training.MyEnrolment(enrolment.EnrolmentId)).Status);
    }

    [Fact]
    public async Task Enrolment_outside_the_window_or_in_an_archived_course_is_refused()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var later = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms(opens: DateTimeOffset.UtcNow.AddDays(3)))).Body;
        _ = (await trainer.Training.AddLesson(later.CourseId, TrainingTestData.Lesson(1))).Body;
        _ = (await trainer.Training.Publish(later.CourseId)).Body;
        var archived = await trainer.Training.PublishedCourseAsync(lessons: 1);
        _ = (await trainer.Training.Archive(archived.CourseId)).Body;
        var learner = await factory.LearnerAsync();

        Assert.Equal("LearnersEnrolInAPublishedCourseWhileItIsOpenRule", (await learner.Training.Enrol(later.CourseId)).BrokenRule);
        Assert.Equal("LearnersEnrolInAPublishedCourseWhileItIsOpenRule", (await learner.Training.Enrol(archived.CourseId)).BrokenRule);
        Assert.Equal(HttpStatusCode.Conflict, (await trainer.Training.EnrolLearner(later.CourseId, "Early", AccessFlows.NewPhone())).Status);
        Assert.Empty((await learner.Training.MyEnrolments()).Body);
    }
}

/// <summary>A fuzzer's null items in the lists Training reads: 400 naming the list, never a 500.</summary>
public sealed class NullListItemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Null_questions_answers_and_watched_stretches_are_400_naming_the_field()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync();
        var draft = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms())).Body;
        var learner = await factory.LearnerAsync();
        var enrolment = (await learner.Training.Enrol(course.CourseId)).Body;
        var lesson = course.Lessons[0].LessonId;

        var questions = await Send(trainer, HttpMethod.Put, TrainingApiPaths.Url(TrainingApiPaths.Quiz, draft.CourseId), """{"questions":[null],"passMarkPercent":50}""");
        var answers = await Send(learner, HttpMethod.Post, TrainingApiPaths.Url(TrainingApiPaths.QuizAttempts, enrolment.EnrolmentId), """{"answers":[null]}""");
        var watched = await Send(learner, HttpMethod.Post, TrainingApiPaths.Url(TrainingApiPaths.Progress, enrolment.EnrolmentId), $$"""{"lessonId":"{{lesson}}","watched":[null]}""");

        Assert.Equal((HttpStatusCode.BadRequest, true), (questions.Status, questions.FieldErrors.ContainsKey("questions[0]")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (answers.Status, answers.FieldErrors.ContainsKey("answers[0].questionId")));
        Assert.Equal((HttpStatusCode.BadRequest, true), (watched.Status, watched.FieldErrors.ContainsKey("watched[0]")));
    }

    private async Task<Reply<object>> Send(Person person, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        return await Reply<object>.ReadAsync(await factory.ClientFor(person.Session).SendAsync(request));
    }
}
