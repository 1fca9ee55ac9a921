using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Browser.Tests;

/// <summary>Learning on a 360 × 740 phone in Chinese: a real 3-second WebM clip (made with Debian's ffmpeg) played to the end, offline and back.</summary>
public sealed class TrainingJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_farmer_watches_a_lesson_offline_and_the_progress_arrives_when_the_network_returns()
    {
        var trainer = await host.IndependentTrainerAsync("杨梅");
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms() with { Title = "玉米芯种香菇" })).Body;
        var lesson = (await trainer.Training.AddLesson(course.CourseId, new("备料：粉碎玉米芯", "玉米芯晒干后粉碎，拌入麸皮和石膏。", 3, null))).Body;
        _ = (await trainer.Training.UploadVideo(course.CourseId, lesson.LessonId, await ClipAsync())).Body;
        _ = (await trainer.Training.Publish(course.CourseId)).Body;
        var learner = await host.LearnerAsync("龙秀英");

        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, learner.Phone);
        await page.GotoAsync("/training");
        await page.GetByRole(AriaRole.Link, new() { Name = "玉米芯种香菇" }).First.ClickAsync();
        await JourneyTests.CheckAsync(page, "training-course");
        await page.GetByRole(AriaRole.Button, new() { Name = "报名学习" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "继续学习" }).ClickAsync();
        var video = page.Locator("video");
        await Assertions.Expect(video).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('video'); return v.readyState >= 3 && v.buffered.length > 0 && v.buffered.end(v.buffered.length - 1) >= v.duration - 0.05; }",
            null, new() { Timeout = 20_000 });
        await JourneyTests.CheckAsync(page, "training-player");

        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').ended", null, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-offline]")).ToBeVisibleAsync();
        Assert.NotEqual("[]", await page.EvaluateAsync<string>("() => localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('rc-progress:'))) ?? '[]'"));
        Assert.Equal(0, (await learner.Training.MyEnrolments()).Body.Single().Lessons[0].WatchedSeconds);
        await JourneyTests.CheckAsync(page, "training-player-offline");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("[data-progress]")).ToHaveTextAsync("本课已学完");
        await Assertions.Expect(page.Locator("[data-offline]")).ToBeHiddenAsync();
        var enrolment = (await learner.Training.MyEnrolments()).Body.Single();
        Assert.Equal(("Completed", 3), (enrolment.Status, enrolment.Lessons[0].WatchedSeconds));

        await page.GetByRole(AriaRole.Link, new() { Name = "回到课程" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看证书" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("兹证明 龙秀英 已完成课程《玉米芯种香菇》");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印证书" })).ToBeVisibleAsync();
        await JourneyTests.CheckAsync(page, "training-certificate");

        var stranger = await host.NewPhoneAsync();
        await stranger.GotoAsync($"/certificates/{enrolment.CertificateCode}");
        await Assertions.Expect(stranger.Locator("main")).ToContainTextAsync("龙*英");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Status)).ToHaveTextAsync("证书有效。");
        await JourneyTests.CheckAsync(stranger, "training-verification");
        var missing = await stranger.GotoAsync("/certificates/ABCDEFGHJKMNPQRS");
        Assert.Equal(404, missing!.Status);
    }

    [Fact]
    public async Task A_trainer_enrols_a_village_from_a_csv_and_follows_them_on_the_dashboard()
    {
        var trainer = await host.IndependentTrainerAsync("杨梅");
        var course = (await trainer.Training.CreateCourse(TrainingTestData.Mushrooms() with { Title = "玉米芯种香菇（第二期）" })).Body;
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, trainer.Phone);

        await page.GotoAsync($"/teach/courses/{course.CourseId}");
        await page.GetByLabel("封面照片").SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Photo() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传封面" }).ClickAsync();
        await Assertions.Expect(page.Locator("img.cover")).ToBeVisibleAsync();
        await page.GetByLabel("标题").FillAsync("备料：粉碎玉米芯");
        await page.GetByLabel("视频时长（秒）").FillAsync("95");
        await page.GetByLabel("视频链接（可选）").FillAsync("https://v.example.cn/mushrooms/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加课节" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cards li").First).ToContainTextAsync("外部链接");
        await page.GetByLabel("题目").FillAsync("香菇的培养料主要是什么？");
        await page.GetByLabel("选项 1").FillAsync("稻草");
        await page.GetByLabel("选项 2").FillAsync("粉碎的玉米芯");
        await page.GetByLabel("正确选项（1–4）").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加题目" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("✓ 粉碎的玉米芯");
        await JourneyTests.CheckAsync(page, "teach-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布课程" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge").First).ToHaveTextAsync("已发布");

        await page.GotoAsync("/training");
        await Assertions.Expect(page.Locator("img.cover-thumb").First).ToBeVisibleAsync();
        await JourneyTests.CheckAsync(page, "training-catalogue");
        await page.GotoAsync($"/teach/courses/{course.CourseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "学员" }).ClickAsync();
        var csv = new StringBuilder("姓名,手机,村\n");
        csv.Append("龙秀英,").Append(AccessFlows.NewPhone()).Append(",苗寨\n杨光明,").Append(AccessFlows.NewPhone()).Append(",苗寨\n没号码,12345,苗寨\n");
        await page.GetByLabel("CSV 文件").SetInputFilesAsync(new FilePayload { Name = "farmers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并报名" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("新报名 2 人");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("手机号不正确");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("学员名单（2 人）");
        await JourneyTests.CheckAsync(page, "teach-learners");

        await page.GetByRole(AriaRole.Link, new() { Name = "数据" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("2");
        await JourneyTests.CheckAsync(page, "teach-dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "现场课" }).ClickAsync();
        await page.GetByLabel("开始时间").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("地点").FillAsync("苗寨香菇大棚");
        await page.GetByLabel("名额").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "安排现场课" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.panel")).ToContainTextAsync("苗寨香菇大棚");
        await JourneyTests.CheckAsync(page, "teach-sessions");
    }

    /// <summary>A camera-sized photo of a mushroom shed (green, for the test's purposes).</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1600, 1200);
        bitmap.Erase(new SkiaSharp.SKColor(70, 110, 60));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>A 3-second VP8 WebM clip (Debian's Chromium plays WebM; it may lack H.264), made once with ffmpeg.</summary>
    private static async Task<byte[]> ClipAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rc-clip-{Guid.NewGuid():N}.webm");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-y", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=3:size=160x120:rate=10", "-c:v", "libvpx", "-b:v", "60k", "-an", path])
        {
            RedirectStandardError = true,
        })!;
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, "ffmpeg made the test clip: " + await ffmpeg.StandardError.ReadToEndAsync());
        var clip = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return clip;
    }
}
