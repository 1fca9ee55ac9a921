using Microsoft.Playwright;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Domain.Sellers;
using RuralCommerce.TestSupport;
using RuralCommerce.TestSupport.Cooperatives;
using RuralCommerce.TestSupport.IncomeTracking;

namespace RuralCommerce.Browser.Tests;

/// <summary>The cooperative's income report and a seller's income page, on a 360 × 740 phone in Chinese.</summary>
public sealed class IncomeJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_administrator_reads_the_impact_report_with_its_charts_and_a_seller_records_a_market_sale()
    {
        var cooperative = await CooperativeScenario.CreateAsync(host, "云南", "澜沧古茶合作社");
        var m = IncomeLedger.CurrentMonth - 8;
        await host.SeedIncomeAsync(db =>
        {
            // Twelve sellers, four of them trained in month m; everyone earns more after m, the trained a good deal more.
            for (var n = 0; n < 12; n++)
            {
                var seller = Guid.CreateVersion7();
                db.Sellers.Add(Seller.Joined(seller, cooperative.CooperativeId, $"茶农 {n + 1}", "芒景村", Month.FirstDay(m - 12)));
                for (var month = m - 6; month <= m + 6; month++)
                {
                    var yuan = 800 + (n * 50) + (month > m ? (n < 4 ? 400 : 100) : 0);
                    db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative.CooperativeId, month, yuan * 60L, source: RuralCommerce.IncomeTracking.Domain.Ledger.IncomeSource.Livestream));
                    db.LedgerEntries.Add(IncomeLedger.Sale(seller, cooperative.CooperativeId, month, yuan * 40L));
                }

                if (n < 4)
                {
                    db.TrainingCompletions.Add(TrainingCompletion.Of(Guid.CreateVersion7(), seller, cooperative.CooperativeId, Guid.CreateVersion7(), "古茶树管护", "古茶树管护", Month.FirstDay(m).AddDays(5)));
                }
            }
        });

        var page = await host.NewPhoneAsync();
        await host.SignInAsync(page, cooperative.AdminPhone);
        await page.GotoAsync($"/cooperatives/{cooperative.CooperativeId}/impact");
        await page.GetByLabel("期间").FillAsync(Month.Label(m));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("收入报告");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "每月收入（按来源）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "社员人数（按比基线增收幅度）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "古茶树管护" })).ToBeVisibleAsync();
        // Trained +400 a month against +100 for the untrained: a difference in differences of 300, from groups too small to be more than indicative.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("培训后，培训过的社员比没培训的每月多增收 ¥300.00。");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("计算方法");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "各来源收入及占比" })).ToContainTextAsync("60%");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("样本少于 30 人，仅供参考");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "各来源收入及占比" })).ToContainTextAsync("直播");
        await JourneyTests.CheckAsync(page, "income-impact");

        await page.GotoAsync($"/cooperatives/{cooperative.CooperativeId}/impact?period={Month.Label(m + 1)}");
        await Assertions.Expect(page.Locator(".figures")).ToContainTextAsync("收入增长 ≥ 20% 的社员");
        await page.GotoAsync($"/cooperatives/{cooperative.CooperativeId}/statements?month={Month.Label(m + 1)}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"生成 {Month.Label(m + 1)} 的结算单" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("新生成 12 张");
        await page.GetByLabel("付款流水号").First.FillAsync("WX-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "标记已付款" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已标记为已付款");
        await JourneyTests.CheckAsync(page, "income-statements");

        await page.GotoAsync("/my/income");
        await page.GetByLabel("来源", new() { Exact = true }).SelectOptionAsync("OfflineSale");
        await page.GetByLabel("金额（元）").FillAsync("120.50");
        await page.GetByLabel("备注").FillAsync("香菇 5 斤，镇上集市");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已记下。");
        await Assertions.Expect(page.Locator(".figures")).ToContainTextAsync("¥120.50");
        await JourneyTests.CheckAsync(page, "income-mine");
    }
}
