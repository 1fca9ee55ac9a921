using System.Net;
using RuralCommerce.Training.Features.LessonVideos;

namespace RuralCommerce.Training.Tests;

/// <summary>The length of an uploaded video comes from its container, never from what the trainer typed.</summary>
public sealed class VideoLengthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(1000u, 24_400ul, (byte)0, 24.4)]
    [InlineData(90_000u, 2_700_000ul, (byte)0, 30.0)]
    [InlineData(600u, 7_200ul, (byte)1, 12.0)]
    public void An_MP4_says_its_length_in_its_movie_header_even_when_the_header_comes_last(uint timescale, ulong duration, byte version, double seconds)
    {
        using var video = new MemoryStream(TrainingTestData.FakeMp4(timescale, duration, version));
        Assert.Equal(seconds, VideoLength.ReadSeconds(video, "mp4")!.Value, precision: 3);
    }

    [Fact]
    public void A_WebM_says_its_length_in_its_segment_info()
    {
        using var video = new MemoryStream(TrainingTestData.FakeWebm(seconds: 24.4));
        Assert.Equal(24.4, VideoLength.ReadSeconds(video, "webm")!.Value, precision: 3);
    }

    [Fact]
    public void A_container_that_does_not_say_how_long_it_is_has_no_length()
    {
        using var noDuration = new MemoryStream(TrainingTestData.FakeWebm(withDuration: false));
        using var zeroTimescale = new MemoryStream(TrainingTestData.FakeMp4(0, 24_000));
        using var cut = new MemoryStream(TrainingTestData.FakeMp4(1000, 24_000)[..3100]);
        using var noise = new MemoryStream(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0xFF, 0xFF, 0x00, 0x01 });

        Assert.Null(VideoLength.ReadSeconds(noDuration, "webm"));
        Assert.Null(VideoLength.ReadSeconds(zeroTimescale, "mp4"));
        Assert.Null(VideoLength.ReadSeconds(cut, "mp4"));
        Assert.Null(VideoLength.ReadSeconds(noise, "webm"));
    }

    /// <summary>The demo's committed videos, made by ffmpeg (build/demo-videos.sh): real files, light enough for a village phone.</summary>
    [Fact]
    public void The_demo_lesson_videos_say_their_lengths_and_stay_under_300_KB()
    {
        var videos = Directory.GetFiles(Path.Combine(SolutionModules.RepositoryRoot, "src", "Host", "RuralCommerce.Demo", "Videos"), "*.webm").Order().ToList();
        Assert.Equal(6, videos.Count);
        int[] expected = [24, 30, 36, 30, 42, 36];
        for (var i = 0; i < videos.Count; i++)
        {
            using var video = File.OpenRead(videos[i]);
            Assert.True(video.Length <= 300_000, $"{videos[i]} is {video.Length} bytes");
            Assert.Equal(expected[i], VideoLength.ReadSeconds(video, "webm")!.Value, precision: 1);
        }
    }

    [Fact]
    public async Task An_upload_sets_the_lessons_length_from_the_file_and_a_heavy_video_is_flagged_for_slow_networks()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms())).Body;
        var lesson = (await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(1, seconds: 210) with { VideoLink = null })).Body;
        var noLength = (await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(2) with { VideoLink = null, DurationSeconds = null })).Body;

        var light = (await trainer.Training.UploadVideo(course.CourseId, lesson.LessonId, TrainingTestData.FakeWebm(30_500, seconds: 24.4))).Body;
        var heavy = (await trainer.Training.UploadVideo(course.CourseId, noLength.LessonId, TrainingTestData.FakeMp4(1000, 10_000).Concat(new byte[490_000]).ToArray(), "phone.mp4", "video/mp4")).Body;
        var unreadable = await trainer.Training.UploadVideo(course.CourseId, lesson.LessonId, TrainingTestData.FakeWebm(withDuration: false));
        var typed = await trainer.Training.EditLesson(course.CourseId, lesson.LessonId, TrainingTestData.Lesson(1, seconds: 210) with { VideoLink = null });
        var linkedWithoutLength = await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(3) with { DurationSeconds = null });

        Assert.Equal((24, 30_500L, 10, false), (light.DurationSeconds, light.VideoBytes!.Value, light.VideoKilobitsPerSecond!.Value, light.StallsOnSlowNetworks));
        Assert.Equal((10, true), (heavy.DurationSeconds, heavy.StallsOnSlowNetworks));
        Assert.InRange(heavy.VideoKilobitsPerSecond!.Value, 390, 400);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.Status);
        Assert.Contains("length", unreadable.FieldErrors["file"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, typed.Status);
        Assert.Equal(HttpStatusCode.Conflict, linkedWithoutLength.Status);
        var stored = (await trainer.Training.GetCourse(course.CourseId)).Body;
        Assert.Equal([24, 10], stored.Lessons.Select(l => l.DurationSeconds));
        Assert.Equal(light.VideoUrl, stored.Lessons[0].VideoUrl);
    }

    [Fact]
    public async Task A_learner_who_watches_the_whole_uploaded_video_completes_the_lesson()
    {
        var trainer = await factory.IndependentTrainerAsync();
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms())).Body;
        var lesson = (await trainer.Training.AddLesson(course.CourseId, TrainingTestData.Lesson(1, seconds: 210) with { VideoLink = null })).Body;
        _ = (await trainer.Training.UploadVideo(course.CourseId, lesson.LessonId, TrainingTestData.FakeWebm(seconds: 24.4))).Body;
        _ = (await trainer.Training.Publish(course.CourseId)).Body;
        var learner = await factory.LearnerAsync("龙秀英");
        var enrolment = (await learner.Training.Enrol(course.CourseId)).Body;

        var watched = (await learner.Training.ReportProgress(enrolment.EnrolmentId, lesson.LessonId, (0m, 24m))).Body;

        Assert.True(watched.Lessons.Single().Completed);
    }
}
