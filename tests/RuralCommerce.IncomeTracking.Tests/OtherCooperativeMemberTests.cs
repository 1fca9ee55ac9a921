using System.Net;
using System.Text;
using System.Text.Json;
using RuralCommerce.IncomeTracking.Features.Common;

namespace RuralCommerce.IncomeTracking.Tests;

/// <summary>
/// Every Income Tracking route that names a member answers 404 unless that person is a member of the route's
/// cooperative: an administrator of one cooperative reads nothing of, and records nothing for, another's sellers.
/// </summary>
public sealed class OtherCooperativeMemberTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // A body each kind of write accepts, so that the member check, not the validation, is what answers.
    private const string AnyWrite = """{"source":"OfflineSale","amount":10,"occurredOn":"2026-01-05","kind":"Declared","annualIncome":1200,"year":2025}""";

    [Fact]
    public async Task Every_route_naming_a_member_is_404_for_another_cooperatives_member_or_nobody()
    {
        var mine = await CooperativeScenario.CreateAsync(factory, "Guizhou", "Kongbai Mushroom Cooperative");
        var theirs = await CooperativeScenario.CreateAsync(factory, "Hubei", "Xiaochang Rice Wine Cooperative");
        var theirSeller = await theirs.AddMemberAsync("Wang Fang", roles: ["Seller"]);
        var ownSeller = await mine.AddMemberAsync("Li Qiang", roles: ["Seller"]);
        var admin = mine.Admin.Http;
        await Eventually.HoldsAsync(async () =>
            (await admin.GetAsync(new Uri(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Gains, mine.CooperativeId, ownSeller.MemberId), UriKind.Relative))).IsSuccessStatusCode,
            "Income Tracking knows the cooperative's own seller");

        using var document = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(IncomeTrackingApiPaths.Root, StringComparison.Ordinal) && p.Name.Contains("{memberId}", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Method: o.Name.ToUpperInvariant(), Template: p.Name)))
            .Append(("GET", IncomeTrackingApiPaths.Root + IncomeTrackingApiPaths.LedgerExport.Replace(":guid", "", StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        var answers = new List<string>();
        foreach (var (method, template) in routes)
        {
            foreach (var (who, memberId) in new[] { ("their seller", theirSeller.MemberId), ("nobody", Guid.CreateVersion7()) })
            {
                var url = template.Replace("{cooperativeId}", mine.CooperativeId.ToString(), StringComparison.Ordinal)
                    .Replace("{memberId}", memberId.ToString(), StringComparison.Ordinal)
                    .Replace("{entryId}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent(AnyWrite, Encoding.UTF8, "application/json");
                }

                using var response = await admin.SendAsync(request);
                answers.Add($"{method} {template} ({who}) → {(int)response.StatusCode}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, answers[^1]);
            }
        }

        Assert.True(routes.Count >= 8, string.Join(Environment.NewLine, answers));
        var theirLedger = await theirs.Admin.Http.GetAsync(new Uri(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Ledger, theirs.CooperativeId, theirSeller.MemberId), UriKind.Relative));
        Assert.Contains("\"totalCount\":0", await theirLedger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
