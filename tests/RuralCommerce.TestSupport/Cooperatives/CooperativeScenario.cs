using RuralCommerce.Cooperatives.Features.AddMember;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Features.RegisterCooperative;
using RuralCommerce.TestSupport;

namespace RuralCommerce.TestSupport.Cooperatives;

/// <summary>
/// A registered cooperative whose first administrator is a real, verified, signed-in person — whose token carries
/// the membership only after the Cooperatives notification reached Access.
/// </summary>
internal sealed record CooperativeScenario(Guid CooperativeId, Guid AdminMemberId, string AdminPhone, CooperativesApi Admin, CooperativesApi PlatformAdmin)
{
    public const decimal SharePrice = 200m;

    public static async Task<CooperativeScenario> CreateAsync(ApiFactory factory, string province = "Sichuan", string name = "Xiaozhai Mushroom Cooperative")
    {
        var platformAdmin = new CooperativesApi(factory.CreateAdminClient());
        var (phone, _) = await factory.NewVerifiedPersonAsync("Wang Fang");
        var cooperative = (await platformAdmin.RegisterCooperative(Registration(phone, province, name))).Body;

        var (session, adminMemberId) = await factory.WaitForMembershipAsync(phone, cooperative.CooperativeId);
        return new CooperativeScenario(cooperative.CooperativeId, adminMemberId, phone, new CooperativesApi(factory.ClientFor(session)), platformAdmin);
    }

    public static RegisterCooperativeRequest Registration(
        string adminPhone, string province = "Sichuan", string name = "Xiaozhai Mushroom Cooperative", string? creditCode = null) => new(
        name, creditCode ?? TestData.NewCreditCode(), province, County: "Pujiang", Township: "Chengjia", Village: "Xiaozhai",
        ContactPhone: "+8613800138000", ServiceCentre: "Pujiang County Service Centre", FoundedOn: new DateOnly(2015, 3, 1), SharePrice,
        new FirstAdminRequest("Wang Fang", adminPhone, "Xiaozhai", TestData.IdCard()));

    /// <summary>A signed-in member's own view of the API (their token carries the membership).</summary>
    public static async Task<CooperativesApi> SignedInMemberAsync(ApiFactory factory, string phone, Guid cooperativeId) =>
        new(factory.ClientFor((await factory.WaitForMembershipAsync(phone, cooperativeId)).Session));

    public async Task<MemberResponse> AddMemberAsync(string name = "Li Qiang", string? phone = null, string village = "Xiaozhai", string[]? roles = null) =>
        (await Admin.AddMember(CooperativeId, TestData.Farmer(name, phone, village, roles))).Body;
}
