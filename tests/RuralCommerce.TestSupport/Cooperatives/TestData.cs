using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.AddMember;
using RuralCommerce.TestSupport;

namespace RuralCommerce.TestSupport.Cooperatives;

internal static class TestData
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid unified social credit code no other test uses (a farmers' cooperative in Chengdu).</summary>
    public static string NewCreditCode()
    {
        var organisation = new string(Enumerable.Range(0, 9).Select(_ => CodeAlphabet[Random.Shared.Next(CodeAlphabet.Length)]).ToArray());
        var first17 = $"93510100{organisation}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public static string IdCard(string first17 = "51010419900101123") => first17 + IdCardNumber.CheckCharacter(first17);

    /// <summary>A farmer an administrator enters into the register; the phone is one no other test uses unless given.</summary>
    public static AddMemberRequest Farmer(string name = "Li Qiang", string? phone = null, string village = "Xiaozhai", string[]? roles = null, string? idCard = null) =>
        new(name, phone ?? AccessFlows.NewPhone(), village, idCard, roles ?? []);
}
