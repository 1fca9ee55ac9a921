using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Cooperatives.Features.GetCooperative;

internal sealed record CooperativeResponse(
    Guid CooperativeId, string Name, string CreditCode, string Province, string County, string Township, string Village,
    string ContactPhone, string ServiceCentre, DateOnly FoundedOn, decimal SharePrice, string Status, DateTimeOffset RegisteredAt)
{
    public static CooperativeResponse From(Cooperative c) => new(
        c.Id.Value, c.Name, c.CreditCode.Value, c.Address.Province, c.Address.County, c.Address.Township, c.Address.Village,
        c.ContactPhone.Value, c.ServiceCentre, c.FoundedOn, c.SharePrice.Amount, c.Status.ToString(), c.RegisteredAt);
}

internal static class GetCooperativeEndpoint
{
    public static void MapGetCooperative(this IEndpointRouteBuilder group) =>
        group.MapGet("/{cooperativeId:guid}", HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetCooperative")
            .WithSummary("One cooperative, for its members and platform administrators.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<CooperativeResponse>> HandleAsync(Guid cooperativeId, CooperativesDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CooperativeResponse.From(await db.FindCooperativeAsync(cooperativeId, cancellationToken)));
}
