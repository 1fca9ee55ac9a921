using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

public sealed class MemberApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_approved_application_shows_up_in_the_applicants_access_claims()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, session) = await factory.NewVerifiedPersonAsync("Zhao Lei");

        var applied = await factory.ClientFor(session).PostAsJsonAsync(
            new Uri(scenario.Path("/applications"), UriKind.Relative), new { name = "Zhao Lei", village = "Dazhai" });
        var application = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var memberId = application.GetProperty("memberId").GetGuid();
        var approved = await scenario.Admin.PostAsync(new Uri(scenario.Path($"/members/{memberId}/approve"), UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal("Applied", application.GetProperty("status").GetString());
        Assert.Equal(phone, application.GetProperty("phone").GetString());
        Assert.Equal("Active", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var (memberSession, linkedMemberId) = await CooperativeScenario.WaitForMembershipAsync(factory, phone, scenario.CooperativeId);
        Assert.Equal(memberId, linkedMemberId);
        var own = await factory.ClientFor(memberSession).GetAsync(new Uri(scenario.Path($"/members/{memberId}"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Someone_with_an_unverified_phone_cannot_apply()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);

        var response = await factory.ClientFor(await factory.SignInAsync(phone)).PostAsJsonAsync(
            new Uri(scenario.Path("/applications"), UriKind.Relative), new { name = "Zhao Lei", village = "Dazhai" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_phone_belongs_to_one_current_member_of_a_cooperative()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var phone = AccessFlows.NewPhone();
        await scenario.AddMemberAsync(phone: phone);

        var duplicate = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/members"), UriKind.Relative), new { name = "Other", phone, village = "X" });
        var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => scenario.Admin.PostAsJsonAsync(
            new Uri(scenario.Path("/members"), UriKind.Relative), new { name = "Twin", phone = "+8613699990000", village = "X" })));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(racing.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData("phone", "not-a-phone")]
    [InlineData("idCardNumber", "510104199001011230X")]
    [InlineData("name", "")]
    public async Task Bad_member_input_names_the_field(string field, string value)
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var body = new Dictionary<string, object?> { ["name"] = "Li", ["phone"] = AccessFlows.NewPhone(), ["village"] = "X", [field] = value };

        var response = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/members"), UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_register_filters_by_status_role_village_and_text_and_pages_by_name()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var anna = await scenario.AddMemberAsync("An Na", phone: "+8613512345678", village: "Dazhai", roles: ["Seller"]);
        await scenario.AddMemberAsync("Bai Yu", village: "Dazhai", roles: ["Seller", "LivestreamHost"]);
        var chen = await scenario.AddMemberAsync("Chen Bo", village: "Xiaozhai");
        await scenario.Admin.PostAsync(new Uri(scenario.Path($"/members/{chen.GetProperty("memberId")}/suspend"), UriKind.Relative), null);

        Assert.Equal(["An Na", "Bai Yu"], await NamesAsync(scenario, "?role=Seller"));
        Assert.Equal(["An Na", "Bai Yu"], await NamesAsync(scenario, "?village=Dazhai"));
        Assert.Equal(["Chen Bo"], await NamesAsync(scenario, "?status=Suspended"));
        Assert.Equal(["An Na"], await NamesAsync(scenario, "?q=5678"));
        Assert.Equal(["Bai Yu"], await NamesAsync(scenario, "?q=Bai"));
        Assert.Equal(["An Na", "Bai Yu"], await NamesAsync(scenario, "?pageSize=2"));
        Assert.Equal(["Chen Bo"], await NamesAsync(scenario, "?page=2&pageSize=2"));
        var bad = await scenario.Admin.GetAsync(new Uri(scenario.Path("/members?status=Sleeping&role=King"), UriKind.Relative));
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _) && errors.TryGetProperty("role", out _));
        Assert.Equal(anna.GetProperty("memberId").GetGuid(), (await scenario.Admin.GetFromJsonAsync<JsonElement>(
            new Uri(scenario.Path("/members?q=An Na"), UriKind.Relative))).GetProperty("items")[0].GetProperty("memberId").GetGuid());
    }

    [Fact]
    public async Task The_register_exports_as_CSV_with_masked_ID_cards()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        await scenario.AddMemberAsync("=HYPERLINK(\"x\")", village: "Da, zhai");

        var response = await scenario.Admin.GetAsync(new Uri(scenario.Path("/members/export"), UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1
            ? text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            : text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("MemberId,Name,Phone,Village,IdCardNumber,Status,Roles,Shares,JoinedOn", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("510***********", StringComparison.Ordinal));
        Assert.DoesNotContain(TestData.IdCard(), text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Da, zhai\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_corrects_a_members_details_but_not_their_phone()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var added = await scenario.AddMemberAsync("Li Qaing", village: "Dazhai");
        var memberId = added.GetProperty("memberId").GetGuid();
        var path = new Uri(scenario.Path($"/members/{memberId}/details"), UriKind.Relative);

        var corrected = await scenario.Admin.PutAsJsonAsync(path, new { name = "Li Qiang", village = "Xiaozhai", idCardNumber = TestData.IdCard() });
        var invalid = await scenario.Admin.PutAsJsonAsync(path, new { name = "", village = "Xiaozhai", idCardNumber = "123" });

        var member = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Li Qiang", member.GetProperty("name").GetString());
        Assert.Equal("Xiaozhai", member.GetProperty("village").GetString());
        Assert.Equal(added.GetProperty("phone").GetString(), member.GetProperty("phone").GetString());
        Assert.StartsWith("510***", member.GetProperty("idCardNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("idCardNumber", out _));
        var unchanged = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path($"/members/{memberId}"), UriKind.Relative));
        Assert.Equal("Li Qiang", unchanged.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Member_status_follows_its_rules()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var memberId = (await scenario.AddMemberAsync()).GetProperty("memberId").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await Act(scenario, memberId, "suspend")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act(scenario, memberId, "reinstate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act(scenario, memberId, "leave")).StatusCode);
        var suspendLeft = await Act(scenario, memberId, "suspend");

        Assert.Equal(HttpStatusCode.Conflict, suspendLeft.StatusCode);
        Assert.Equal("MemberWhoLeftCannotBeSuspendedRule", (await suspendLeft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal("CooperativeKeepsAtLeastOneAdminRule", (await (await Act(scenario, scenario.AdminMemberId, "leave")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        var revoke = await scenario.Admin.DeleteAsync(new Uri(scenario.Path($"/members/{scenario.AdminMemberId}/roles/Admin"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, revoke.StatusCode);
    }

    [Fact]
    public async Task Roles_are_granted_and_revoked_and_reach_access()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var memberId = (await scenario.AddMemberAsync(phone: phone)).GetProperty("memberId").GetGuid();

        var granted = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path($"/members/{memberId}/roles"), UriKind.Relative), new { role = "Trainer" });
        var unknown = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path($"/members/{memberId}/roles"), UriKind.Relative), new { role = "Emperor" });

        Assert.Equal(["Trainer"], (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        await Eventually.HoldsAsync(
            async () =>
            {
                var me = await factory.ClientFor(await factory.SignInAsync(phone)).GetFromJsonAsync<JsonElement>(new Uri("/api/access/me", UriKind.Relative));
                return me.GetProperty("memberships").EnumerateArray().Any(m => m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "Trainer"));
            },
            "the role reached Access");
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_cannot_leave_the_cooperative_without_an_admin()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (deputyPhone, _) = await factory.NewVerifiedPersonAsync();
        var deputyId = (await scenario.AddMemberAsync(phone: deputyPhone, roles: ["Admin"])).GetProperty("memberId").GetGuid();
        var (deputySession, _) = await CooperativeScenario.WaitForMembershipAsync(factory, deputyPhone, scenario.CooperativeId);
        var deputy = factory.ClientFor(deputySession);

        var results = await Task.WhenAll(
            scenario.Admin.DeleteAsync(new Uri(scenario.Path($"/members/{deputyId}/roles/Admin"), UriKind.Relative)),
            deputy.DeleteAsync(new Uri(scenario.Path($"/members/{scenario.AdminMemberId}/roles/Admin"), UriKind.Relative)));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        var admins = await scenario.PlatformAdmin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path("/members?role=Admin&status=Active"), UriKind.Relative));
        Assert.Equal(1, admins.GetProperty("totalCount").GetInt32());
    }

    private static Task<HttpResponseMessage> Act(CooperativeScenario scenario, Guid memberId, string action) =>
        scenario.Admin.PostAsync(new Uri(scenario.Path($"/members/{memberId}/{action}"), UriKind.Relative), null);

    private static async Task<List<string?>> NamesAsync(CooperativeScenario scenario, string query)
    {
        var page = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path("/members" + query), UriKind.Relative));
        return page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Where(n => n != "Wang Fang").ToList();
    }
}
