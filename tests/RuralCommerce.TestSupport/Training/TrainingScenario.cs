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

    /// <summary>
    /// A tiny WebM that says how long it is (an EBML header naming the webm document type, then a Segment whose Info
    /// holds TimecodeScale and Duration, as ffmpeg writes them), then filler bytes: enough for the upload to read its length.
    /// </summary>
    public static byte[] FakeWebm(int length = 4096, double seconds = 24.4, bool withDuration = true)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        using var header = new MemoryStream();
        header.Write([0x1A, 0x45, 0xDF, 0xA3, 0x93, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m']);
        header.Write([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);
        // Segment of unknown size (as a live writer leaves it), then Info: TimecodeScale 1 ms, Duration in ms as a double.
        header.Write([0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        var duration = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(duration, seconds * 1000);
        byte[] info = withDuration
            ? [0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40, 0x44, 0x89, 0x88, .. duration]
            : [0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40];
        header.Write([0x15, 0x49, 0xA9, 0x66, (byte)(0x80 | info.Length), .. info]);
        // A Cluster of unknown size: the frames, which the filler stands for.
        header.Write([0x1F, 0x43, 0xB6, 0x75, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        header.ToArray().CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>
    /// A tiny MP4: <c>ftyp</c>, a <c>free</c> box standing for the media, then <c>moov</c> at the end (as a phone's camera
    /// writes it) holding a version 0 or 1 <c>mvhd</c> with the given timescale and duration.
    /// </summary>
    public static byte[] FakeMp4(uint timescale, ulong duration, byte version = 0)
    {
        using var file = new MemoryStream();
        void Box(string type, byte[] content)
        {
            var size = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(size, (uint)(8 + content.Length));
            file.Write(size);
            file.Write(System.Text.Encoding.ASCII.GetBytes(type));
            file.Write(content);
        }

        Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isomiso2mp41"u8]);
        Box("free", new byte[3000]);
        var mvhd = new byte[version == 1 ? 112 : 100];
        mvhd[0] = version;
        var times = mvhd.AsSpan(4);
        if (version == 1)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(times[16..], timescale);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(times[20..], duration);
        }
        else
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(times[8..], timescale);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(times[12..], (uint)duration);
        }

        using var moov = new MemoryStream();
        var trak = new byte[8 + 20];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(trak, (uint)trak.Length);
        "trak"u8.CopyTo(trak.AsSpan(4));
        moov.Write(trak);
        var mvhdHead = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mvhdHead, (uint)(8 + mvhd.Length));
        "mvhd"u8.CopyTo(mvhdHead.AsSpan(4));
        moov.Write(mvhdHead);
        moov.Write(mvhd);
        Box("moov", moov.ToArray());
        return file.ToArray();
    }
}
