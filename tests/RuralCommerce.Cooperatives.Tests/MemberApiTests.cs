using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Cooperatives.Features.ApplyForMembership;
using RuralCommerce.Cooperatives.Features.CorrectMemberDetails;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

public sealed class MemberApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_approved_application_shows_up_in_the_applicants_access_claims()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, session) = await factory.NewVerifiedPersonAsync("Zhao Lei");
        var applicant = new CooperativesApi(factory.ClientFor(session));

        var applied = await applicant.Apply(scenario.CooperativeId, new ApplyForMembershipRequest("Zhao Lei", "Dazhai", null));
        var application = applied.Body;
        var approved = await scenario.Admin.Approve(scenario.CooperativeId, application.MemberId);

        Assert.Equal(HttpStatusCode.Created, applied.Status);
        Assert.Equal("Applied", application.Status);
        Assert.Equal(phone, application.Phone);
        Assert.Equal("Active", approved.Body.Status);
        var (memberSession, linkedMemberId) = await factory.WaitForMembershipAsync(phone, scenario.CooperativeId);
        Assert.Equal(application.MemberId, linkedMemberId);
        var own = await new CooperativesApi(factory.ClientFor(memberSession)).GetMember(scenario.CooperativeId, application.MemberId);
        Assert.Equal(HttpStatusCode.OK, own.Status);
    }

    [Fact]
    public async Task Someone_with_an_unverified_phone_cannot_apply()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var phone = AccessFlows.NewPhone();
        await factory.RegisterAsync(phone);
        var unverified = new CooperativesApi(factory.ClientFor(await factory.SignInAsync(phone)));

        var response = await unverified.Apply(scenario.CooperativeId, new ApplyForMembershipRequest("Zhao Lei", "Dazhai", null));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
    }

    [Fact]
    public async Task A_phone_belongs_to_one_current_member_of_a_cooperative()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var phone = AccessFlows.NewPhone();
        await scenario.AddMemberAsync(phone: phone);

        var duplicate = await scenario.Admin.AddMember(scenario.CooperativeId, TestData.Farmer("Other", phone, "X"));
        var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            scenario.Admin.AddMember(scenario.CooperativeId, TestData.Farmer("Twin", "+8613699990000", "X"))));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Single(racing, r => r.Status == HttpStatusCode.Created);
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
    }

    [Theory]
    [InlineData("phone", "not-a-phone")]
    [InlineData("idCardNumber", "510104199001011230X")]
    [InlineData("name", "")]
    public async Task Bad_member_input_names_the_field(string field, string value)
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var body = new Dictionary<string, object?> { ["name"] = "Li", ["phone"] = AccessFlows.NewPhone(), ["village"] = "X", [field] = value };

        var response = await Reply<JsonElement>.ReadAsync(await scenario.Admin.Http.PostAsJsonAsync(
            new Uri(CooperativesApiPaths.Url(CooperativesApiPaths.Members, scenario.CooperativeId), UriKind.Relative), body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(field, response.FieldErrors.Keys);
    }

    [Fact]
    public async Task The_register_filters_by_status_role_village_and_text_and_pages_by_name()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var anna = await scenario.AddMemberAsync("An Na", phone: "+8613512345678", village: "Dazhai", roles: ["Seller"]);
        await scenario.AddMemberAsync("Bai Yu", village: "Dazhai", roles: ["Seller", "LivestreamHost"]);
        var chen = await scenario.AddMemberAsync("Chen Bo", village: "Xiaozhai");
        await scenario.Admin.Suspend(scenario.CooperativeId, chen.MemberId);

        Assert.Equal(["An Na", "Bai Yu"], await NamesAsync(scenario, "?role=Seller"));
        Assert.Equal(["An Na", "Bai Yu"], await NamesAsync(scenario, "?village=Dazhai"));
        Assert.Equal(["Chen Bo"], await NamesAsync(scenario, "?status=Suspended"));
        Assert.Equal(["An Na"], await NamesAsync(scenario, "?q=5678"));
        Assert.Equal(["Bai Yu"], await NamesAsync(scenario, "?q=Bai"));
        Assert.Equal(["An Na", "Bai Yu"], await NamesAsync(scenario, "?pageSize=2"));
        Assert.Equal(["Chen Bo"], await NamesAsync(scenario, "?page=2&pageSize=2"));
        var bad = await scenario.Admin.ListMembers(scenario.CooperativeId, "?status=Sleeping&role=King");
        Assert.Contains("status", bad.FieldErrors.Keys);
        Assert.Contains("role", bad.FieldErrors.Keys);
        Assert.Equal(anna.MemberId, (await scenario.Admin.ListMembers(scenario.CooperativeId, "?q=An Na")).Body.Items[0].MemberId);
    }

    [Fact]
    public async Task The_register_exports_as_CSV_with_masked_ID_cards()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        await scenario.AddMemberAsync("=HYPERLINK(\"x\")", village: "Da, zhai");

        using var response = await scenario.Admin.ExportMembers(scenario.CooperativeId);
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

        var corrected = await scenario.Admin.CorrectDetails(scenario.CooperativeId, added.MemberId, new CorrectMemberDetailsRequest("Li Qiang", "Xiaozhai", TestData.IdCard()));
        var invalid = await scenario.Admin.CorrectDetails(scenario.CooperativeId, added.MemberId, new CorrectMemberDetailsRequest("", "Xiaozhai", "123"));

        var member = corrected.Body;
        Assert.Equal("Li Qiang", member.Name);
        Assert.Equal("Xiaozhai", member.Village);
        Assert.Equal(added.Phone, member.Phone);
        Assert.StartsWith("510***", member.IdCardNumber, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("name", invalid.FieldErrors.Keys);
        Assert.Contains("idCardNumber", invalid.FieldErrors.Keys);
        Assert.Equal("Li Qiang", (await scenario.Admin.GetMember(scenario.CooperativeId, added.MemberId)).Body.Name);
    }

    [Fact]
    public async Task A_corrected_name_is_published_with_the_correction_in_one_transaction()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var added = await scenario.AddMemberAsync("Li Qaing", village: "Dazhai");

        await scenario.Admin.CorrectDetails(scenario.CooperativeId, added.MemberId, new CorrectMemberDetailsRequest("Li Qiang", "Dazhai", null));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.CooperativesDbContext>();
        var published = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains(nameof(Contracts.MemberDetailsCorrectedIntegrationEvent)))
            .Select(m => m.Payload)
            .ToListAsync();
        Assert.Contains(published, p => p.Contains(added.MemberId.ToString(), StringComparison.Ordinal) && p.Contains("Li Qiang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Member_status_follows_its_rules()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var cooperative = scenario.CooperativeId;
        var memberId = (await scenario.AddMemberAsync()).MemberId;

        Assert.Equal(HttpStatusCode.OK, (await scenario.Admin.Suspend(cooperative, memberId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Admin.Reinstate(cooperative, memberId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Admin.Leave(cooperative, memberId)).Status);
        var suspendLeft = await scenario.Admin.Suspend(cooperative, memberId);

        Assert.Equal(HttpStatusCode.Conflict, suspendLeft.Status);
        Assert.Equal("MemberWhoLeftCannotBeSuspendedRule", suspendLeft.BrokenRule);
        Assert.Equal("CooperativeKeepsAtLeastOneAdminRule", (await scenario.Admin.Leave(cooperative, scenario.AdminMemberId)).BrokenRule);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Admin.RevokeRole(cooperative, scenario.AdminMemberId, "Admin")).Status);
    }

    [Fact]
    public async Task Roles_are_granted_and_revoked_and_reach_access()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (phone, _) = await factory.NewVerifiedPersonAsync();
        var memberId = (await scenario.AddMemberAsync(phone: phone)).MemberId;

        var granted = await scenario.Admin.GrantRole(scenario.CooperativeId, memberId, "Trainer");
        var unknown = await scenario.Admin.GrantRole(scenario.CooperativeId, memberId, "Emperor");

        Assert.Equal(["Trainer"], granted.Body.Roles);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        await Eventually.HoldsAsync(
            async () => (await factory.MeAsync(await factory.SignInAsync(phone))).Memberships.Any(m => m.Roles.Contains("Trainer")),
            "the role reached Access");
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_cannot_leave_the_cooperative_without_an_admin()
    {
        var scenario = await CooperativeScenario.CreateAsync(factory);
        var (deputyPhone, _) = await factory.NewVerifiedPersonAsync();
        var deputyId = (await scenario.AddMemberAsync(phone: deputyPhone, roles: ["Admin"])).MemberId;
        var deputy = await CooperativeScenario.SignedInMemberAsync(factory, deputyPhone, scenario.CooperativeId);

        var results = await Task.WhenAll(
            scenario.Admin.RevokeRole(scenario.CooperativeId, deputyId, "Admin"),
            deputy.RevokeRole(scenario.CooperativeId, scenario.AdminMemberId, "Admin"));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        var admins = (await scenario.PlatformAdmin.ListMembers(scenario.CooperativeId, "?role=Admin&status=Active")).Body;
        Assert.Equal(1, admins.TotalCount);
    }

    private static async Task<List<string>> NamesAsync(CooperativeScenario scenario, string query) =>
        (await scenario.Admin.ListMembers(scenario.CooperativeId, query)).Body.Items.Select(m => m.Name).Where(n => n != "Wang Fang").ToList();
}
