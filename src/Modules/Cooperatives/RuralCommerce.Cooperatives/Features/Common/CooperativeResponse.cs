using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Riok.Mapperly.Abstractions;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.Common;

internal sealed record CooperativeResponse(
    Guid CooperativeId, string Name, string CreditCode, string Province, string County, string Township, string Village,
    string ContactPhone, string ServiceCentre, DateOnly FoundedOn, decimal SharePrice, string Status, DateTimeOffset RegisteredAt)
{
    public static CooperativeResponse From(Cooperative cooperative) => CooperativeMapper.ToResponse(cooperative);
}

/// <summary>Compile-time mapping (Mapperly): a renamed or added property fails the build instead of going missing.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
internal static partial class CooperativeMapper
{
    [MapProperty(nameof(Cooperative.Id), nameof(CooperativeResponse.CooperativeId))]
    [MapProperty(nameof(@Cooperative.Address.Province), nameof(CooperativeResponse.Province))]
    [MapProperty(nameof(@Cooperative.Address.County), nameof(CooperativeResponse.County))]
    [MapProperty(nameof(@Cooperative.Address.Township), nameof(CooperativeResponse.Township))]
    [MapProperty(nameof(@Cooperative.Address.Village), nameof(CooperativeResponse.Village))]
    [MapperIgnoreSource(nameof(Cooperative.ActiveAdmins))]
    [MapperIgnoreSource(nameof(Cooperative.Version))]
    [MapperIgnoreSource(nameof(Cooperative.DomainEvents))]
    public static partial CooperativeResponse ToResponse(Cooperative cooperative);

    private static Guid ToGuid(CooperativeId id) => id.Value;

    private static string ToText(UnifiedSocialCreditCode code) => code.Value;

    private static string ToText(PhoneNumber phone) => phone.Value;

    private static decimal ToYuan(Money money) => money.Amount;

    private static string ToText(CooperativeStatus status) => status.ToString();
}
