using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Access;
using RuralCommerce.Training.Features.AuthorCourse;
using RuralCommerce.Training.Features.Common;
using RuralCommerce.Training.Features.Lessons;
using RuralCommerce.Training.Features.Quiz;
using RuralCommerce.Training.Persistence;
using Xunit;

namespace RuralCommerce.TestSupport.Training;

/// <summary>A signed-in person and their Training client.</summary>
internal sealed record Person(string Phone, Session Session, TrainingApi Training);

/// <summary>Trainers and learners as the Training tests need them, made through the real flows.</summary>
internal static class TrainingScenario
{
    /// <summary>An independent trainer: a verified account a platform administrator granted the platform role <c>trainer</c>.</summary>
    public static async Task<Person> IndependentTrainerAsync(this ApiFactory factory, string name = "Yang Mei")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (phone, session) = await factory.NewVerifiedPersonAsync(name);
        var accountId = await factory.AccountIdAsync(session);
        using var granted = await factory.CreateAdminClient().PostAsJsonAsync(
            new Uri(AccessApiPaths.Url(AccessApiPaths.PlatformRoles, accountId), UriKind.Relative), new { role = "trainer" });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, granted.StatusCode);
        var trainer = await factory.SignInAsync(phone);
        return new Person(phone, trainer, new TrainingApi(factory.ClientFor(trainer)));
    }

    public static async Task<Person> LearnerAsync(this ApiFactory factory, string name = "Long Xiu")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (phone, session) = await factory.NewVerifiedPersonAsync(name);
        await factory.WaitUntilTrainingAsync(db => db.VerifiedAccounts.AnyAsync(a => a.Phone == RuralCommerce.SharedKernel.PhoneNumber.Parse(phone, "phone")),
            "Training knows the learner's account");
        return new Person(phone, session, new TrainingApi(factory.ClientFor(session)));
    }

    /// <summary>
    /// A published course of <paramref name="lessons"/> linked lessons of 60 seconds each, with a two-question quiz
    /// (pass mark 50 %) unless <paramref name="withQuiz"/> is false.
    /// </summary>
    public static async Task<CourseResponse> PublishedCourseAsync(
        this TrainingApi trainer, int lessons = 2, bool withQuiz = true, int? capacity = null, Guid? cooperativeId = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var course = (await trainer.CreateCourse(TrainingTestData.Mushrooms(capacity, cooperativeId))).Body;
        for (var i = 1; i <= lessons; i++)
        {
            _ = (await trainer.AddLesson(course.CourseId, TrainingTestData.Lesson(i))).Body;
        }

        if (withQuiz)
        {
            _ = (await trainer.SetQuiz(course.CourseId, TrainingTestData.Quiz())).Body;
        }

        return (await trainer.Publish(course.CourseId)).Body;
    }

    /// <summary>Waits until Training's own data (fed by notifications) satisfies <paramref name="condition"/>.</summary>
    public static async Task WaitUntilTrainingAsync(this ApiFactory factory, Func<TrainingDbContext, Task<bool>> condition, string because)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(condition);
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await condition(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
        }, because);
    }
}

internal static class TrainingTestData
{
    public static CourseRequest Mushrooms(int? capacity = null, Guid? cooperativeId = null, DateTimeOffset? opens = null, DateTimeOffset? closes = null) =>
        new("玉米芯种香菇 Mushrooms on corn cobs", "Mushrooms on corn cobs", "Cultivation", "zh-CN",
            "Grow shiitake on crushed corn cobs: substrate, inoculation, fruiting, harvest.", capacity, opens, closes, cooperativeId);

    public static LessonRequest Lesson(int number, int seconds = 60) =>
        new($"Lesson {number}", $"What lesson {number} teaches.", seconds, $"https://v.example.cn/mushrooms/{number}");

    public static QuizRequest Quiz() => new(
    [
        new QuizQuestionRequest("What is the substrate made of?", ["Rice straw", "Crushed corn cobs", "Sawdust only"], 1),
        new QuizQuestionRequest("When are shiitake picked?", ["Caps still curled under", "Caps flat and open"], 0),
    ], 50);

    /// <summary>A tiny file that starts like a WebM video (an EBML header naming the webm document type), then filler bytes.</summary>
    public static byte[] FakeWebm(int length = 4096)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        byte[] header = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'];
        header.CopyTo(bytes, 0);
        return bytes;
    }
}
