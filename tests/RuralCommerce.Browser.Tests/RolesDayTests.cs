using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Playwright;
using RuralCommerce.Demo;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Browser.Tests;

/// <summary>The demo's story (at its small size) played into the real host the browser opens: every role's people and their history.</summary>
public sealed class DemoBrowserHost : BrowserHost, IStoryHost
{
    public StoryOutcome Outcome { get; private set; } = null!;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public (string Phone, string Password) PlatformAdministrator => (AdminPhone, AdminPassword);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = StoryPlay.Settings(AdminPhone, AdminPassword);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Outcome = await StoryPlay.PlayAsync(this, Clock);
    }

    public StoryAccount Account(string role) => Outcome.Accounts.Single(a => a.Role.StartsWith(role, StringComparison.Ordinal));

    HttpClient IStoryHost.CreateClient() => CreateClient();

    public string LastTextTo(string phone) => StoryPlay.LastTextTo(Sms, phone);

    public void SetClock(DateTimeOffset now) => StoryPlay.SetClock(Clock, now);

    public string SignPaymentNotice(byte[] body) => StoryPlay.SignPaymentNotice(body);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The story's tokens are issued by the host's clock while it runs months behind.
        builder.ConfigureTestServices(services => services.CheckTokenLifetimeAgainst(Clock));
    }
}

/// <summary>
/// Each role's day in the demo's data on a 360 × 740 phone in Chinese, in the order the work passes between them: the
/// buyer orders and pays, the seller packs and ships, the county centre receives and delivers (collecting cash on
/// delivery), the buyer confirms and asks for a refund, the cooperative approves it and reads its impact report; the
/// learner finishes the course on its real lesson videos; the trainer uploads a video and enrols a village; the county
/// officer reads the county. Every step is checked (axe, width, numbers) and kept as a screenshot (day-*.png).
/// </summary>
public sealed class RolesDayTests(DemoBrowserHost host) : IClassFixture<DemoBrowserHost>
{
    private const string Recipient = "赵丽娟";

    [Fact]
    public async Task Every_role_does_their_days_work_on_the_phone()
    {
        var seller = host.Account("卖家");
        var productId = Guid.Parse(seller.Pages.Single(p => p.StartsWith("/shop/products/", StringComparison.Ordinal))["/shop/products/".Length..]);

        // The buyer: one order paid by WeChat Pay, one paid in cash at the door.
        var buyer = await PhoneOfAsync("买家");
        await BuyAsync(buyer, productId, "WeChatPay", newAddress: true);
        await buyer.GetByRole(AriaRole.Button, new() { Name = "去支付" }).ClickAsync();
        await Assertions.Expect(buyer.Locator("h1")).ToContainTextAsync("模拟支付");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "确认支付" }).ClickAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("支付成功");
        await CheckAsync(buyer, "buyer-1-paid");
        var paidOrder = buyer.Url;
        await BuyAsync(buyer, productId, "CashOnDelivery", newAddress: false);
        await CheckAsync(buyer, "buyer-2-cash-on-delivery");
        var cashOrder = buyer.Url;

        // The seller packs and ships both.
        var sellerPage = await PhoneOfAsync("卖家");
        await sellerPage.GotoAsync("/my/shipments");
        var toPack = sellerPage.Locator(".cards li", new() { HasText = Recipient });
        for (var left = 1; left >= 0; left--)
        {
            await toPack.First.GetByRole(AriaRole.Button, new() { Name = "已打包" }).ClickAsync();
            await Assertions.Expect(toPack).ToHaveCountAsync(left);
        }

        await CheckAsync(sellerPage, "seller-1-packed");
        await sellerPage.GotoAsync("/my/shipments?status=Packed");
        var toShip = sellerPage.Locator(".cards li", new() { HasText = Recipient });
        for (var left = 1; left >= 0; left--)
        {
            var card = toShip.First;
            await card.GetByLabel("快递公司").FillAsync("邮政 EMS");
            await card.GetByLabel("运单号").FillAsync($"EMS20261207{left}");
            if (left == 1)
            {
                await CheckAsync(sellerPage, "seller-2-ship");
            }

            await card.GetByRole(AriaRole.Button, new() { Name = "发往物流中心" }).ClickAsync();
            await Assertions.Expect(toShip).ToHaveCountAsync(left);
        }

        // The county centre receives, sends out and delivers them, collecting the cash for one.
        var centre = await PhoneOfAsync("物流中心（雷山县）");
        await centre.GotoAsync("/logistics");
        await centre.GetByRole(AriaRole.Link, new() { Name = "雷山县物流配送中心" }).First.ClickAsync();
        foreach (var (tab, button) in new[] { ("已发往物流中心", "确认收货入站"), ("物流中心已收货", "出站派送") })
        {
            await centre.GetByRole(AriaRole.Link, new() { Name = tab }).ClickAsync();
            await WorkThroughAsync(centre, button);
        }

        await centre.GetByRole(AriaRole.Link, new() { Name = "派送中" }).ClickAsync();
        await Assertions.Expect(centre.Locator(".cards li", new() { HasText = Recipient }).Filter(new() { HasText = "货到付款" })).ToHaveCountAsync(1);
        await CheckAsync(centre, "logistics-1-out-for-delivery");
        await WorkThroughAsync(centre, "确认送达");

        await centre.GetByRole(AriaRole.Link, new() { Name = "已送达" }).ClickAsync();
        await Assertions.Expect(centre.Locator("[data-pager]")).ToContainTextAsync("共");
        await Assertions.Expect(centre.Locator(".cards li").First).ToContainTextAsync(Recipient);
        await CheckAsync(centre, "logistics-2-delivered");

        // The buyer confirms the paid parcel and asks for part of the money back.
        await buyer.GotoAsync(paidOrder);
        await buyer.GetByRole(AriaRole.Button, new() { Name = "确认收货" }).ClickAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("订单完成");
        await buyer.Locator("summary", new() { HasText = "申请退款" }).ClickAsync();
        await buyer.GetByLabel("退款原因").FillAsync("有两朵香菇压碎了");
        await buyer.Locator("form").GetByRole(AriaRole.Button, new() { Name = "申请退款" }).ClickAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("退款申请已提交");
        await CheckAsync(buyer, "buyer-3-refund-asked");
        await buyer.GotoAsync(cashOrder);
        await Assertions.Expect(buyer.Locator("dl")).ToContainTextAsync("已送达");

        // The cooperative's administrator approves the refund and reads the impact report.
        var admin = await PhoneOfAsync("合作社管理员");
        var cooperative = host.Account("合作社管理员").StartPath;
        await admin.GotoAsync($"{cooperative}/refunds");
        await admin.Locator(".cards li", new() { HasText = "有两朵香菇压碎了" }).GetByRole(AriaRole.Button, new() { Name = "同意退款" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await CheckAsync(admin, "cooperative-1-refund-approved");
        await admin.GotoAsync($"{cooperative}/impact");
        await Assertions.Expect(admin.Locator("figure.chart").First).ToBeVisibleAsync();
        await CheckAsync(admin, "cooperative-2-impact");
    }

    [Fact]
    public async Task The_learner_finishes_the_course_on_its_real_videos_and_opens_the_certificate()
    {
        var learner = await PhoneOfAsync("学员");
        await learner.GotoAsync(host.Account("学员").Pages[1]);
        await CheckAsync(learner, "learner-1-course");
        var first = true;
        var unwatched = learner.Locator(".cards li", new() { HasText = "已观看" });
        while (await unwatched.CountAsync() > 0)
        {
            await unwatched.First.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(learner.Locator("[data-video-size]")).ToContainTextAsync("KB");
            // The real video, played to its end (sixteen times as fast: the test need not sit through it).
            await learner.WaitForFunctionAsync("() => document.querySelector('video').readyState >= 1", null, new() { Timeout = 20_000 });
            await learner.EvaluateAsync("() => { const v = document.querySelector('video'); v.muted = true; v.playbackRate = 16; return v.play(); }");
            await learner.WaitForFunctionAsync("() => document.querySelector('video').ended", null, new() { Timeout = 30_000 });
            await Assertions.Expect(learner.Locator("[data-progress]")).ToHaveTextAsync("本课已学完");
            if (first)
            {
                await CheckAsync(learner, "learner-2-lesson-watched");
                first = false;
            }

            await learner.GotoAsync(host.Account("学员").Pages[1]);
        }

        await learner.GetByRole(AriaRole.Link, new() { Name = "参加结业测验" }).ClickAsync();
        await learner.GetByLabel("粉碎的玉米芯").CheckAsync();
        await learner.GetByLabel("菌盖边缘还内卷时").CheckAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "交卷" }).ClickAsync();
        await Assertions.Expect(learner.Locator("main")).ToContainTextAsync("通过");
        await CheckAsync(learner, "learner-3-quiz-passed");
        await learner.GotoAsync(host.Account("学员").Pages[1]);
        await Assertions.Expect(learner.GetByRole(AriaRole.Link, new() { Name = "查看证书" })).ToBeVisibleAsync();
        await CheckAsync(learner, "learner-4-course-finished");
        await learner.GetByRole(AriaRole.Link, new() { Name = "查看证书" }).ClickAsync();
        // The course page names the course too: wait for the certificate's own page before looking at it.
        await learner.WaitForURLAsync("**/my/certificates/**");
        await Assertions.Expect(learner.Locator(".certificate")).ToContainTextAsync("玉米芯种香菇");
        await CheckAsync(learner, "learner-5-certificate");
    }

    [Fact]
    public async Task The_trainer_uploads_a_lesson_video_enrols_a_village_and_reads_the_dashboard()
    {
        var trainer = await PhoneOfAsync("培训师");
        await trainer.GotoAsync("/teach");
        await trainer.GetByLabel("标题").FillAsync("玉米芯种香菇（第二期）");
        await trainer.GetByLabel("主题").FillAsync("玉米芯种香菇");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "创建课程" }).ClickAsync();
        await trainer.WaitForURLAsync(new Regex("/teach/courses/[0-9a-f-]{36}$"));
        await trainer.GetByLabel("标题").FillAsync("选料与粉碎玉米芯");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "添加课节" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".cards li").First).ToContainTextAsync("还没有视频");
        var video = await File.ReadAllBytesAsync(Path.Combine(SolutionModules.RepositoryRoot, "src", "Host", "RuralCommerce.Demo", "Videos", "lesson-1.webm"));
        await trainer.GetByLabel("视频文件").SetInputFilesAsync(new FilePayload { Name = "选料.webm", MimeType = "video/webm", Buffer = video });
        await trainer.GetByRole(AriaRole.Button, new() { Name = "上传视频" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".cards li").First).ToContainTextAsync("0:24 · 已上传视频");
        await CheckAsync(trainer, "trainer-1-video-uploaded");

        var course = host.Account("培训师").Pages[1];
        await trainer.GotoAsync($"{course}/learners");
        var csv = new StringBuilder("姓名,手机,村\n");
        string[] surnames = ["吴", "杨", "龙", "潘", "石"];
        string[] givenNames = ["秀兰", "光明", "金花", "志强", "春燕"];
        for (var i = 0; i < 25; i++)
        {
            csv.Append(surnames[i % 5]).Append(givenNames[i / 5]).Append(',').Append(AccessFlows.NewPhone()).Append(",控拜村\n");
        }

        await trainer.GetByLabel("CSV 文件").SetInputFilesAsync(new FilePayload { Name = "控拜村.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await trainer.GetByRole(AriaRole.Button, new() { Name = "上传并报名" }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Status)).ToContainTextAsync("新报名 25 人");
        await Assertions.Expect(trainer.Locator("[data-pager]")).ToContainTextAsync("第 1 / 2 页");
        await CheckAsync(trainer, "trainer-2-enrolled");
        await trainer.Locator("[data-pager]").GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(trainer.Locator("[data-pager]")).ToContainTextAsync("第 2 / 2 页");
        await Assertions.Expect(trainer.Locator(".cards li").First).ToContainTextAsync("报名");
        await trainer.GotoAsync($"{course}/dashboard");
        await CheckAsync(trainer, "trainer-3-dashboard");
    }

    [Fact]
    public async Task The_county_officer_reads_the_county_report_and_downloads_it()
    {
        var officer = await PhoneOfAsync("县级官员");
        await officer.GotoAsync(host.Account("县级官员").StartPath);
        await Assertions.Expect(officer.Locator("h1")).ToContainTextAsync("雷山县");
        await CheckAsync(officer, "county-1-report");
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "下载 CSV 表格" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("雷山县", await File.ReadAllTextAsync(saved), StringComparison.Ordinal);
    }

    /// <summary>Presses <paramref name="button"/> on both of the buyer's parcels in the queue's tab, waiting for each to leave it.</summary>
    private static async Task WorkThroughAsync(IPage centre, string button)
    {
        var parcels = centre.Locator(".cards li", new() { HasText = Recipient });
        await Assertions.Expect(parcels).ToHaveCountAsync(2);
        for (var left = 1; left >= 0; left--)
        {
            await parcels.First.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Assertions.Expect(parcels).ToHaveCountAsync(left);
        }
    }

    /// <summary>
    /// Every page of every demo role, as each person opens it: none wider than the phone or misread (the checks of
    /// every screenshot), and every list that pages says how many it holds; page 2 opens where there is one.
    /// </summary>
    [Fact]
    public async Task Every_page_of_every_role_fits_the_phone_and_every_list_says_how_many()
    {
        foreach (var account in host.Outcome.Accounts)
        {
            var page = await host.NewPhoneAsync();
            await host.SignInAsync(page, account.Phone, account.Password);
            foreach (var path in account.Pages)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{account.Role} {path}: {response.Status}");
                await JourneyTests.CheckAsync(page, $"walk-{Slug(account.Role)}-{Slug(path)}");
                if (await page.Locator("[data-pager] a[rel=next]").CountAsync() > 0)
                {
                    await page.Locator("[data-pager] a[rel=next]").ClickAsync();
                    await Assertions.Expect(page.Locator("[data-pager]")).ToContainTextAsync("第 2 /");
                }
            }

            await page.Context.CloseAsync();
        }
    }

    private static string Slug(string text) => Regex.Replace(text.Split(' ')[0], "[^0-9A-Za-z\\p{IsCJKUnifiedIdeographs}]+", "-").Trim('-');

    private async Task<IPage> PhoneOfAsync(string role)
    {
        var account = host.Account(role);
        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, account.Phone, account.Password);
        return page;
    }

    private static async Task BuyAsync(IPage buyer, Guid productId, string payment, bool newAddress)
    {
        await buyer.GotoAsync($"/shop/products/{productId}");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "加入购物车" }).ClickAsync();
        await buyer.GetByLabel(new Regex("^数量")).FillAsync("2");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "加入购物车" }).ClickAsync();
        await buyer.WaitForURLAsync("**/cart");
        // The second time the address is kept in the address book, chosen already; the fields are filled all the same.
        {
            await buyer.GetByLabel("收货人").FillAsync(Recipient);
            await buyer.GetByLabel("手机号").FillAsync("13800138000");
            await buyer.GetByLabel("省").FillAsync("贵州");
            await buyer.GetByLabel("县（区）").FillAsync("雷山县");
            await buyer.GetByLabel("乡镇").FillAsync("丹江镇");
            await buyer.GetByLabel("村", new() { Exact = true }).FillAsync("白岩村");
            await buyer.GetByLabel("详细地址（组、门牌号）").FillAsync("二组 8 号");
            await buyer.Locator("input[name='Form.Save']").SetCheckedAsync(newAddress);
        }

        await buyer.GetByLabel("支付方式").SelectOptionAsync(payment);
        await buyer.GetByRole(AriaRole.Button, new() { Name = "提交订单" }).ClickAsync();
        await Assertions.Expect(buyer.GetByRole(AriaRole.Status)).ToContainTextAsync("下单成功");
    }

    private static Task CheckAsync(IPage page, string step) => JourneyTests.CheckAsync(page, $"day-{step}");
}
