using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Training;
using RuralCommerce.Training;
using RuralCommerce.Training.Domain.Courses;
using RuralCommerce.Training.Domain.Enrolments;
using RuralCommerce.Training.Features.Lessons;
using RuralCommerce.Training.Features.ReportProgress;
using RuralCommerce.Training.Persistence;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// The Miao trainer's course at full size: 60,000 enrolled farmers and 1,000,000 progress reports (by default), then
/// the trainer's roster and dashboard and a learner's progress report through HTTP:
/// <c>dotnet run -c Release --project tests/RuralCommerce.Benchmarks -- training [enrolments] [reports] [requests]</c>.
/// Prints p50 and p99 per request.
/// </summary>
internal static class TrainingLoad
{
    private const int Lessons = 6;
    private const int LessonSeconds = 300;
    private const int StretchSeconds = 30;
    private static readonly string[] Villages = ["苗寨", "上寨", "下寨", "河边村", "高坡村", "新田村", "老屋村", "龙塘村"];

    public static async Task<int> RunAsync(string[] args)
    {
        var enrolments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60_000;
        var reports = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        var requests = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;
        HostContentRoot.Point();
        using var factory = new QuietApiFactory();
        var trainer = await factory.IndependentTrainerAsync("杨梅");
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms())).Body;
        for (var i = 1; i <= Lessons; i++)
        {
            _ = (await trainer.Training.AddLesson(course.CourseId, new LessonRequest($"第 {i} 课", "", LessonSeconds, $"https://v.example.cn/{i}"))).Body;
        }

        _ = (await trainer.Training.Publish(course.CourseId)).Body;
        var (_, learnerSession) = await factory.NewVerifiedPersonAsync("龙秀英");
        var learnerAccount = await factory.AccountIdAsync(learnerSession);

        var seeding = Stopwatch.StartNew();
        var (learnerEnrolment, generated) = await SeedAsync(factory, course.CourseId, enrolments, reports, learnerAccount);
        Console.WriteLine($"Generated {enrolments:N0} enrolments and {generated:N0} progress reports in {seeding.Elapsed.TotalSeconds:0.0} s ({factory.DataDirectory}).");

        var trainerClient = factory.CreateDefaultClient();
        trainerClient.DefaultRequestHeaders.Authorization = new("Bearer", trainer.Session.AccessToken);
        var learnerClient = factory.CreateDefaultClient();
        learnerClient.DefaultRequestHeaders.Authorization = new("Bearer", learnerSession.AccessToken);
        var lesson = (await trainer.Training.GetCourse(course.CourseId)).Body.Lessons[2].LessonId;

        Console.WriteLine($"{"request",-50} {"p50 ms",8} {"p99 ms",8}");
        await Load.MeasureAsync("roster, first page", requests, () => trainerClient.GetAsync(Url(TrainingApiPaths.Roster, course.CourseId)));
        await Load.MeasureAsync("roster, one village and 30–60 % progress", requests,
            () => trainerClient.GetAsync(Url(TrainingApiPaths.Roster, course.CourseId) + "?village=%E8%8B%97%E5%AF%A8&minProgress=30&maxProgress=60"));
        var second = 0;
        await Load.MeasureAsync("a learner's progress report (one 10 s stretch)", requests, () =>
        {
            var from = second++ % (LessonSeconds - 10);
            return learnerClient.PostAsJsonAsync(Url(TrainingApiPaths.Progress, learnerEnrolment),
                new ProgressReportRequest(lesson, [new WatchedStretch(from, from + 10)]));
        });
        await Load.MeasureAsync("dashboard", Math.Max(20, requests / 5), () => trainerClient.GetAsync(Url(TrainingApiPaths.Dashboard, course.CourseId)));
        return 0;
    }

    private static string Url(string route, params object[] values) => TrainingApiPaths.Url(route, values);

    /// <summary>
    /// Farmers enrolled over the past 60 days; each watched the lessons in order in 30-second stretches (one report
    /// each), fewer and fewer of them reaching the later lessons, through the domain (so progress and completion are
    /// what the API would have made), then stored straight into Training's tables. The first enrolment is the real learner's.
    /// </summary>
    private static async Task<(Guid LearnerEnrolment, long Reports)> SeedAsync(
        QuietApiFactory factory, Guid courseId, int count, int reports, Guid learnerAccount)
    {
        Course course;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            course = await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().Courses.FindAsync(new CourseId(courseId)) ?? throw new InvalidOperationException();
        }

        var random = new Random(2026);
        var now = DateTimeOffset.UtcNow;
        var stretchesPerLesson = LessonSeconds / StretchSeconds;
        // Reports per learner follow u^2.6 × 60, whose mean is 60 / 3.6: the requested total over the requested learners.
        var exponent = (double)count * Lessons * stretchesPerLesson / Math.Max(1, reports) - 1;
        long generated = 0;
        var learnerEnrolment = Guid.Empty;
        const int batchSize = 2_000;
        for (var start = 0; start < count; start += batchSize)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(count, start + batchSize); n++)
            {
                var enrolledAt = now.AddDays(-60).AddSeconds(n * (60.0 * 86_400 / count));
                var learner = new Learner(n == 0 ? learnerAccount : null, $"农户 {n:D5}", PhoneNumber.Parse($"+86135{n:D8}"), Villages[n % Villages.Length], null, null);
                var enrolment = Enrolment.Enrol(new EnrolmentId(Guid.CreateVersion7(enrolledAt)), course, learner, EnrolmentSource.Bulk, enrolledAt);
                var watched = n == 0 ? 0 : (int)(Lessons * stretchesPerLesson * Math.Pow(random.NextDouble(), exponent));
                for (var r = 0; r < watched; r++)
                {
                    var lesson = course.Lessons[r / stretchesPerLesson];
                    var from = r % stretchesPerLesson * StretchSeconds;
                    var at = enrolledAt + (now - enrolledAt) * ((r + 1.0) / (watched + 1));
                    enrolment.RecordWatching(course, lesson.Id, [new WatchedSpan(from, from + StretchSeconds)], 0.9m, at);
                }

                generated += watched;
                enrolment.ClearDomainEvents();
                db.Enrolments.Add(enrolment);
                if (n == 0)
                {
                    learnerEnrolment = enrolment.Id.Value;
                }
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            await db.Courses.ExecuteUpdateAsync(s => s.SetProperty(c => c.EnrolledCount, count));
        }

        return (learnerEnrolment, generated);
    }
}
