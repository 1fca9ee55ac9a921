using System.Net;
using System.Net.Http.Headers;
using RuralCommerce.Training;
using SkiaSharp;

namespace RuralCommerce.Training.Tests;

public sealed class LearnerJourneyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_learner_enrols_watches_every_lesson_passes_the_quiz_and_gets_a_certificate_anyone_can_verify()
    {
        var trainer = await factory.IndependentTrainerAsync("Yang Mei");
        var course = await trainer.Training.PublishedCourseAsync(lessons: 2);
        var learner = await factory.LearnerAsync("龙秀英");

        var listed = (await new TrainingApi(factory.CreateClient()).Catalogue("?topic=corn%20COBS&skillCategory=Cultivation")).Body;
        Assert.Contains(listed.Items, c => c.CourseId == course.CourseId);
        var published = (await new TrainingApi(factory.CreateClient()).PublishedCourse(course.CourseId)).Body;
        Assert.All(published.Quiz, q => Assert.Null(q.CorrectOption));

        var enrolled = await learner.Training.Enrol(course.CourseId);
        var again = await learner.Training.Enrol(course.CourseId);
        Assert.Equal(HttpStatusCode.Created, enrolled.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var enrolment = enrolled.Body;
        Assert.Equal(enrolment.EnrolmentId, again.Body.EnrolmentId);
        Assert.Equal(course.Lessons[0].LessonId, enrolment.NextLessonId);

        var first = (await learner.Training.ReportProgress(enrolment.EnrolmentId, course.Lessons[0].LessonId, (0m, 30.4m), (30m, 59.6m))).Body;
        Assert.Equal(1, first.CompletedLessons);
        Assert.Equal(course.Lessons[1].LessonId, first.NextLessonId);
        var early = await learner.Training.AttemptQuiz(enrolment.EnrolmentId, (course.Quiz[0].QuestionId, 1));
        Assert.Equal(HttpStatusCode.Conflict, early.Status);

        var second = (await learner.Training.ReportProgress(enrolment.EnrolmentId, course.Lessons[1].LessonId, (0m, 60m))).Body;
        Assert.Equal(("InProgress", 100), (second.Status, second.ProgressPercent));

        var failed = (await learner.Training.AttemptQuiz(enrolment.EnrolmentId, (course.Quiz[0].QuestionId, 0))).Body;
        Assert.False(failed.Passed);
        var passed = (await learner.Training.AttemptQuiz(enrolment.EnrolmentId, (course.Quiz[0].QuestionId, 1), (course.Quiz[1].QuestionId, 0))).Body;
        Assert.Equal((100, true, "Completed"), (passed.ScorePercent, passed.Passed, passed.Enrolment.Status));
        var code = passed.Enrolment.CertificateCode!;

        var mine = Assert.Single((await learner.Training.MyCertificates()).Body);
        Assert.Equal((code, "龙秀英", course.Title), (mine.Code, mine.LearnerName, mine.CourseTitle));

        var anonymous = new TrainingApi(factory.CreateClient());
        var verified = (await anonymous.Verify(code.ToLowerInvariant())).Body;
        Assert.Equal(("龙*英", course.Title, "Yang Mei", false), (verified.LearnerName, verified.CourseTitle, verified.TrainerName, verified.Revoked));

        using var qr = await anonymous.Http.GetAsync(new Uri(mine.QrCodeUrl, UriKind.Relative));
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new Uri(anonymous.Http.BaseAddress!, $"/certificates/{code}").ToString(), QrCodes.Decode(await qr.Content.ReadAsByteArrayAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await trainer.Training.Revoke(course.CourseId, enrolment.EnrolmentId, "Signed for someone else.")).Status);
        var revoked = (await anonymous.Verify(code)).Body;
        Assert.Equal((true, "Signed for someone else."), (revoked.Revoked, revoked.RevocationReason));
        Assert.Equal(HttpStatusCode.Conflict, (await trainer.Training.Revoke(course.CourseId, enrolment.EnrolmentId, "Again")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Verify("ABCDEFGHJKMNPQRS")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Verify("not-a-code")).Status);
    }

    [Fact]
    public async Task Jumping_to_the_end_and_replaying_old_reports_never_complete_or_lower_a_lesson()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1, withQuiz: false);
        var learner = await factory.LearnerAsync();
        var enrolment = (await learner.Training.Enrol(course.CourseId)).Body;
        var lesson = course.Lessons[0].LessonId;

        var skipped = (await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (0m, 3m), (57m, 60m))).Body;
        Assert.Equal((0, 6), (skipped.CompletedLessons, skipped.Lessons[0].WatchedSeconds));

        var watched = (await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (3m, 40m))).Body;
        var replayed = (await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (0m, 3m))).Body;
        Assert.Equal(43, watched.Lessons[0].WatchedSeconds);
        Assert.Equal(43, replayed.Lessons[0].WatchedSeconds);
        Assert.Equal(watched.ProgressPercent, replayed.ProgressPercent);

        var done = (await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson, (40m, 57m))).Body;
        Assert.Equal(("Completed", 1), (done.Status, done.CompletedLessons));
        Assert.NotNull(done.CertificateCode);
    }

    [Fact]
    public async Task An_uploaded_video_is_served_with_range_requests()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms())).Body;
        var lesson = (await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(1) with { VideoLink = null })).Body;
        var video = TrainingTestData.FakeWebm(10_000);

        var uploaded = (await trainer.Training.UploadVideo(course.CourseId, lesson.LessonId, video)).Body;
        Assert.True(uploaded.VideoUploaded);
        Assert.Equal("video/webm", uploaded.VideoContentType);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uploaded.VideoUrl!, UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(video[1000..2000], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 1000-1999/10000", partial.Content.Headers.ContentRange?.ToString());
        using var items = new HttpRequestMessage(HttpMethod.Get, new Uri(uploaded.VideoUrl!, UriKind.Relative));
        items.Headers.TryAddWithoutValidation("Range", "items=0-5");
        using var whole = await factory.CreateClient().SendAsync(items);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(video, await whole.Content.ReadAsByteArrayAsync());

        var disguised = await trainer.Training.UploadVideo(course.CourseId, lesson.LessonId, "just text, renamed to .mp4"u8.ToArray(), "lesson.mp4", "video/mp4");
        Assert.Equal(HttpStatusCode.BadRequest, disguised.Status);
        Assert.True(disguised.FieldErrors.ContainsKey("file"));
        Assert.Equal(uploaded.VideoUrl, (await trainer.Training.GetCourse(course.CourseId)).Body.Lessons[0].VideoUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri(TrainingApiPaths.Url(TrainingApiPaths.VideoFile, "nothing.webm"), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_cover_photo_is_checked_re_encoded_and_shown_in_the_catalogue()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = await trainer.Training.PublishedCourseAsync(lessons: 1, withQuiz: false);

        var covered = (await trainer.Training.UploadCover(course.CourseId, Png(600, 400))).Body;
        var disguised = await trainer.Training.UploadCover(course.CourseId, "not a photo"u8.ToArray());

        Assert.True(disguised.FieldErrors.ContainsKey("file"));
        using var cover = await factory.CreateClient().GetAsync(new Uri(covered.CoverUrl!, UriKind.Relative));
        Assert.Equal("image/webp", cover.Content.Headers.ContentType?.MediaType);
        var listed = (await new TrainingApi(factory.CreateClient()).Catalogue()).Body.Items.Single(c => c.CourseId == course.CourseId);
        Assert.Equal(covered.CoverThumbnailUrl, listed.CoverThumbnailUrl);
        Assert.Equal(covered.CoverUrl, (await trainer.Training.GetCourse(course.CourseId)).Body.CoverUrl);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(60, 120, 60));
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
