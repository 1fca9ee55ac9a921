using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

public sealed class CooperativeApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_platform_admin_registers_a_cooperative_whose_first_admin_can_then_manage_it()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);

        var cooperative = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path(), UriKind.Relative));
        var admin = await scenario.Admin.GetFromJsonAsync<JsonElement>(new Uri(scenario.Path($"/members/{scenario.AdminMemberId}"), UriKind.Relative));

        Assert.Equal("Active", cooperative.GetProperty("status").GetString());
        Assert.Equal("Sichuan", cooperative.GetProperty("province").GetString());
        Assert.Equal("Xiaozhai", cooperative.GetProperty("village").GetString());
        Assert.Equal("+8613800138000", cooperative.GetProperty("contactPhone").GetString());
        Assert.Equal(scenario.CooperativeId, cooperative.GetProperty("cooperativeId").GetGuid());
        Assert.Equal(CooperativeScenario.SharePrice, cooperative.GetProperty("sharePrice").GetDecimal());
        Assert.Equal(["Admin"], admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("***********", admin.GetProperty("idCardNumber").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("creditCode", "91350100M000100Y4X")]
    [InlineData("creditCode", "")]
    [InlineData("contactPhone", "12345")]
    [InlineData("sharePrice", "0.001")]
    [InlineData("foundedOn", "2999-01-01")]
    public async Task Bad_registrations_name_the_field_and_create_nothing(string field, string value)
    {
        var body = JsonSerializer.SerializeToNode(CooperativeScenario.RegistrationBody(AccessFlows.NewPhone()), JsonSerializerOptions.Web)!.AsObject();
        body[field] = field == "sharePrice" ? decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;
        var admin = factory.CreateAdminClient();
        var before = await CountAsync(admin);

        var response = await admin.PostAsJsonAsync(new Uri("/api/cooperatives", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await CountAsync(admin));
    }

    [Fact]
    public async Task A_credit_code_registers_once()
    {
        var code = TestData.NewCreditCode();
        var admin = factory.CreateAdminClient();
        await admin.PostAsJsonAsync(new Uri("/api/cooperatives", UriKind.Relative), CooperativeScenario.RegistrationBody(AccessFlows.NewPhone(), creditCode: code));

        var again = await admin.PostAsJsonAsync(new Uri("/api/cooperatives", UriKind.Relative), CooperativeScenario.RegistrationBody(AccessFlows.NewPhone(), creditCode: code));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Only_platform_admins_register_cooperatives()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();

        var response = await factory.ClientFor(session).PostAsJsonAsync(
            new Uri("/api/cooperatives", UriKind.Relative), CooperativeScenario.RegistrationBody(AccessFlows.NewPhone()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Cooperatives_are_searched_by_province_and_name_and_members_see_only_their_own()
    {
        var province = $"Yunnan-{Guid.NewGuid():N}"[..20];
        var tea = await CooperativeScenario.CreateAsync(factory, province, "Pu'er Tea Cooperative");
        await CooperativeScenario.CreateAsync(factory, province, "Rice Wine Cooperative");

        var byProvince = await tea.PlatformAdmin.GetFromJsonAsync<JsonElement>(new Uri($"/api/cooperatives?province={province}", UriKind.Relative));
        var byName = await tea.PlatformAdmin.GetFromJsonAsync<JsonElement>(new Uri($"/api/cooperatives?province={province}&name=Tea", UriKind.Relative));
        var ownOnly = await tea.Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/cooperatives", UriKind.Relative));

        Assert.Equal(2, byProvince.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Pu'er Tea Cooperative", "Rice Wine Cooperative"], byProvince.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(1, byName.GetProperty("totalCount").GetInt32());
        Assert.Equal([tea.CooperativeId], ownOnly.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("cooperativeId").GetGuid()));
    }

    [Fact]
    public async Task A_dissolved_cooperative_refuses_changes_with_the_rule_that_broke()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await scenario.PlatformAdmin.PostAsync(new Uri(scenario.Path("/dissolve"), UriKind.Relative), null)).StatusCode);

        var add = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/members"), UriKind.Relative), new { name = "Late", phone = AccessFlows.NewPhone(), village = "Xiaozhai" });
        var reinstate = await scenario.PlatformAdmin.PostAsync(new Uri(scenario.Path("/reinstate"), UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        Assert.Equal("DissolvedCooperativeAcceptsNoChangesRule", (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Conflict, reinstate.StatusCode);
    }

    [Fact]
    public async Task Suspending_and_reinstating_a_cooperative()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);

        var suspended = await scenario.PlatformAdmin.PostAsync(new Uri(scenario.Path("/suspend"), UriKind.Relative), null);
        var blocked = await scenario.Admin.PostAsJsonAsync(new Uri(scenario.Path("/members"), UriKind.Relative), new { name = "Li", phone = AccessFlows.NewPhone(), village = "X" });
        var reinstated = await scenario.PlatformAdmin.PostAsync(new Uri(scenario.Path("/reinstate"), UriKind.Relative), null);

        Assert.Equal("Suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("CooperativeMustBeActiveRule", (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal("Active", (await reinstated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await scenario.AddMemberAsync();
    }

    [Fact]
    public async Task Unknown_cooperatives_are_not_found()
    {
        var response = await factory.CreateAdminClient().GetAsync(new Uri($"/api/cooperatives/{Guid.CreateVersion7()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CountAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/cooperatives?pageSize=1", UriKind.Relative))).GetProperty("totalCount").GetInt32();
}
