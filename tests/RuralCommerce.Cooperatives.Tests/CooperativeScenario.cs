using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Cooperatives.Tests;

/// <summary>
/// A registered cooperative whose first administrator is a real, verified, signed-in person — whose token carries
/// the membership only after the Cooperatives notification reached Access.
/// </summary>
internal sealed record CooperativeScenario(Guid CooperativeId, Guid AdminMemberId, string AdminPhone, HttpClient Admin, HttpClient PlatformAdmin)
{
    public const decimal SharePrice = 200m;

    public string Path(string rest = "") => $"/api/cooperatives/{CooperativeId}{rest}";

    public static async Task<CooperativeScenario> CreateAsync(ApiFactory factory, string province = "Sichuan", string name = "Xiaozhai Mushroom Cooperative")
    {
        var platformAdmin = factory.CreateAdminClient();
        var (phone, _) = await factory.NewVerifiedPersonAsync("Wang Fang");
        var response = await platformAdmin.PostAsJsonAsync(new Uri("/api/cooperatives", UriKind.Relative), RegistrationBody(phone, province, name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cooperativeId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cooperativeId").GetGuid();

        var session = await WaitForMembershipAsync(factory, phone, cooperativeId);
        var admin = factory.ClientFor(session.Session);
        return new CooperativeScenario(cooperativeId, session.MemberId, phone, admin, platformAdmin);
    }

    public static object RegistrationBody(string adminPhone, string province = "Sichuan", string name = "Xiaozhai Mushroom Cooperative", string? creditCode = null) => new
    {
        name,
        creditCode = creditCode ?? TestData.NewCreditCode(),
        province,
        county = "Pujiang",
        township = "Chengjia",
        village = "Xiaozhai",
        contactPhone = "+8613800138000",
        serviceCentre = "Pujiang County Service Centre",
        foundedOn = "2015-03-01",
        sharePrice = SharePrice,
        firstAdmin = new { name = "Wang Fang", phone = adminPhone, village = "Xiaozhai", idCardNumber = TestData.IdCard() },
    };

    /// <summary>Polls Access until the person's account holds the membership, then signs in for a token carrying it.</summary>
    public static async Task<(Session Session, Guid MemberId)> WaitForMembershipAsync(ApiFactory factory, string phone, Guid cooperativeId)
    {
        var memberId = Guid.Empty;
        await Eventually.HoldsAsync(
            async () =>
            {
                var me = await factory.ClientFor(await factory.SignInAsync(phone))
                    .GetFromJsonAsync<JsonElement>(new Uri("/api/access/me", UriKind.Relative));
                var membership = me.GetProperty("memberships").EnumerateArray()
                    .FirstOrDefault(m => m.GetProperty("cooperativeId").GetGuid() == cooperativeId && m.GetProperty("status").GetString() == "Active");
                if (membership.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                memberId = membership.GetProperty("memberId").GetGuid();
                return true;
            },
            "the membership reached Access");
        return (await factory.SignInAsync(phone), memberId);
    }

    public async Task<JsonElement> AddMemberAsync(string name = "Li Qiang", string? phone = null, string village = "Xiaozhai", string[]? roles = null)
    {
        var response = await Admin.PostAsJsonAsync(new Uri(Path("/members"), UriKind.Relative),
            new { name, phone = phone ?? AccessFlows.NewPhone(), village, roles = roles ?? [] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
