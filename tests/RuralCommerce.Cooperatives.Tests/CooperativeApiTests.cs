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

        var cooperative = (await scenario.Admin.GetCooperative(scenario.CooperativeId)).Body;
        var admin = (await scenario.Admin.GetMember(scenario.CooperativeId, scenario.AdminMemberId)).Body;

        Assert.Equal("Active", cooperative.Status);
        Assert.Equal("Sichuan", cooperative.Province);
        Assert.Equal("Xiaozhai", cooperative.Village);
        Assert.Equal("+8613800138000", cooperative.ContactPhone);
        Assert.Equal(scenario.CooperativeId, cooperative.CooperativeId);
        Assert.Equal(CooperativeScenario.SharePrice, cooperative.SharePrice);
        Assert.Equal(["Admin"], admin.Roles);
        Assert.Contains("***********", admin.IdCardNumber, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("creditCode", "91350100M000100Y4X")]
    [InlineData("creditCode", "")]
    [InlineData("contactPhone", "12345")]
    [InlineData("sharePrice", "0.001")]
    [InlineData("foundedOn", "2999-01-01")]
    public async Task Bad_registrations_name_the_field_and_create_nothing(string field, string value)
    {
        var body = JsonSerializer.SerializeToNode(CooperativeScenario.Registration(AccessFlows.NewPhone()), JsonSerializerOptions.Web)!.AsObject();
        body[field] = field == "sharePrice" ? decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;
        var admin = new CooperativesApi(factory.CreateAdminClient());
        var before = await CountAsync(admin);

        var response = await admin.Http.PostAsJsonAsync(new Uri(CooperativesApiPaths.Url(CooperativesApiPaths.Cooperatives), UriKind.Relative), body);
        var reply = await Reply<JsonElement>.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(field, reply.FieldErrors.Keys);
        Assert.Equal(before, await CountAsync(admin));
    }

    [Fact]
    public async Task A_credit_code_registers_once()
    {
        var code = TestData.NewCreditCode();
        var admin = new CooperativesApi(factory.CreateAdminClient());
        await admin.RegisterCooperative(CooperativeScenario.Registration(AccessFlows.NewPhone(), creditCode: code));

        var again = await admin.RegisterCooperative(CooperativeScenario.Registration(AccessFlows.NewPhone(), creditCode: code));

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task Only_platform_admins_register_cooperatives()
    {
        var (_, session) = await factory.NewVerifiedPersonAsync();

        var response = await new CooperativesApi(factory.ClientFor(session)).RegisterCooperative(CooperativeScenario.Registration(AccessFlows.NewPhone()));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task Cooperatives_are_searched_by_province_and_name_and_members_see_only_their_own()
    {
        var province = $"Yunnan-{Guid.NewGuid():N}"[..20];
        var tea = await CooperativeScenario.CreateAsync(factory, province, "Pu'er Tea Cooperative");
        await CooperativeScenario.CreateAsync(factory, province, "Rice Wine Cooperative");

        var byProvince = (await tea.PlatformAdmin.ListCooperatives($"?province={province}")).Body;
        var byName = (await tea.PlatformAdmin.ListCooperatives($"?province={province}&name=Tea")).Body;
        var ownOnly = (await tea.Admin.ListCooperatives()).Body;

        Assert.Equal(2, byProvince.TotalCount);
        Assert.Equal(["Pu'er Tea Cooperative", "Rice Wine Cooperative"], byProvince.Items.Select(c => c.Name));
        Assert.Equal(1, byName.TotalCount);
        Assert.Equal([tea.CooperativeId], ownOnly.Items.Select(c => c.CooperativeId));
    }

    [Fact]
    public async Task A_dissolved_cooperative_refuses_changes_with_the_rule_that_broke()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await scenario.PlatformAdmin.DissolveCooperative(scenario.CooperativeId)).Status);

        var add = await scenario.Admin.AddMember(scenario.CooperativeId, TestData.Farmer("Late"));
        var reinstate = await scenario.PlatformAdmin.ReinstateCooperative(scenario.CooperativeId);

        Assert.Equal(HttpStatusCode.Conflict, add.Status);
        Assert.Equal("DissolvedCooperativeAcceptsNoChangesRule", add.BrokenRule);
        Assert.Equal(HttpStatusCode.Conflict, reinstate.Status);
    }

    [Fact]
    public async Task Suspending_and_reinstating_a_cooperative()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);

        var suspended = await scenario.PlatformAdmin.SuspendCooperative(scenario.CooperativeId);
        var blocked = await scenario.Admin.AddMember(scenario.CooperativeId, TestData.Farmer("Li", village: "X"));
        var reinstated = await scenario.PlatformAdmin.ReinstateCooperative(scenario.CooperativeId);

        Assert.Equal("Suspended", suspended.Body.Status);
        Assert.Equal("CooperativeMustBeActiveRule", blocked.BrokenRule);
        Assert.Equal("Active", reinstated.Body.Status);
        await scenario.AddMemberAsync();
    }

    [Fact]
    public async Task Unknown_cooperatives_are_not_found()
    {
        var response = await factory.CreateAdminClient().GetAsync(
            new Uri(CooperativesApiPaths.Url(CooperativesApiPaths.Cooperative, Guid.CreateVersion7()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CountAsync(CooperativesApi admin) => (await admin.ListCooperatives("?pageSize=1")).Body.TotalCount;
}
