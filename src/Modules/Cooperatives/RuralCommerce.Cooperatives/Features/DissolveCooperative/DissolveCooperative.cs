using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.DissolveCooperative;

/// <summary>The cooperative's name, typed again by whoever dissolves it: dissolving cannot be undone.</summary>
internal sealed record DissolveCooperativeRequest([property: Required, MaxLength(100)] string? ConfirmName);

/// <summary>What dissolving the cooperative would do: its active members stop changing, its products leave the shop; refused while orders are open.</summary>
internal sealed record DissolutionPreview(Guid CooperativeId, string Name, string Status, int ActiveMembers, int OpenOrders, bool CanDissolve);

internal static class DissolveCooperativeEndpoints
{
    public static void MapDissolveCooperative(this IEndpointRouteBuilder group)
    {
        group.MapGet(CooperativesApiPaths.Dissolution, PreviewAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("PreviewDissolution")
            .WithSummary("What dissolving a cooperative would do: its active members and its orders still open.")
            .WithDescription("Platform administrators only. Open orders are those not yet completed or cancelled, as Orders reports them; " +
                "while any is open the cooperative cannot be dissolved (canDissolve false).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost(CooperativesApiPaths.DissolveCooperative, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("DissolveCooperative")
            .WithSummary("Dissolves a cooperative for good: it accepts no changes afterwards and its products leave the shop.")
            .WithDescription("Platform administrators only, typing the cooperative's name in confirmName (400 when it differs). 409 while any of " +
                "its orders is open (not completed or cancelled) or when it is already dissolved, with the rule's name.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<DissolutionPreview>> PreviewAsync(Guid cooperativeId, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var activeMembers = await db.Members.CountAsync(m => m.CooperativeId == cooperative.Id && m.Status == MemberStatus.Active, cancellationToken);
        var openOrders = await db.OpenOrders.CountAsync(o => o.CooperativeId == cooperative.Id, cancellationToken);
        return TypedResults.Ok(new DissolutionPreview(
            cooperative.Id.Value, cooperative.Name, cooperative.Status.ToString(), activeMembers, openOrders,
            cooperative.Status != CooperativeStatus.Dissolved && openOrders == 0));
    }

    internal static async Task<Ok<CooperativeResponse>> HandleAsync(
        Guid cooperativeId, DissolveCooperativeRequest request, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var errors = new ValidationErrors();
        errors.Require(string.Equals(request.ConfirmName?.Trim(), cooperative.Name, StringComparison.Ordinal),
            "confirmName", "Type the cooperative's name exactly as it is registered to confirm.");
        errors.ThrowIfAny();

        cooperative.Dissolve(await db.OpenOrders.CountAsync(o => o.CooperativeId == cooperative.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CooperativeResponse.From(cooperative));
    }
}
