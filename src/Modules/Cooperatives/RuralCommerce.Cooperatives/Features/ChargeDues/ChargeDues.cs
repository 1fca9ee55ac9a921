using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Dues;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.ChargeDues;

internal sealed record ChargeDuesRequest(decimal? Amount, IReadOnlyList<Guid>? MemberIds);

internal sealed record ChargeDuesResponse(int Year, decimal Amount, int Charged, int AlreadyCharged);

internal static class ChargeDuesEndpoint
{
    public static void MapChargeDues(this IEndpointRouteBuilder group) =>
        group.MapPost("/{cooperativeId:guid}/dues/{year:int}/charges", HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("ChargeDues")
            .WithSummary("Charges a year's dues to the listed members, or to every active and suspended member. "
                         + "A member is charged at most once a year; charging again skips them.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<ChargeDuesResponse>> HandleAsync(
        Guid cooperativeId, int year, ChargeDuesRequest request, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(year is >= 2000 and <= 2100, "year", "year must be between 2000 and 2100.");
        var amount = errors.RequireMoney(request.Amount, "amount");
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        cooperative.EnsureAcceptsChanges();
        // Ids and statuses only: charging dues needs no member aggregates.
        var members = db.Members.Where(m => m.CooperativeId == cooperative.Id);
        var listed = request.MemberIds?.Distinct().Select(id => new MemberId(id)).ToList() ?? [];
        if (listed.Count > 0)
        {
            members = members.Where(m => listed.Contains(m.Id));
        }

        var candidates = await members.Select(m => new { m.Id, m.Status }).ToListAsync(cancellationToken);
        if (listed.Count > 0 && candidates.Count != listed.Count)
        {
            throw new SharedKernel.NotFoundException("Member", "one or more of memberIds");
        }

        var currentIds = candidates
            .Where(m => m.Status is MemberStatus.Active or MemberStatus.Suspended)
            .Select(m => m.Id)
            .ToList();
        var alreadyCharged = await db.DuesCharges
            .Where(d => d.Year == year && currentIds.Contains(d.MemberId))
            .Select(d => d.MemberId)
            .ToListAsync(cancellationToken);
        var toCharge = currentIds.Except(alreadyCharged).ToList();
        db.DuesCharges.AddRange(toCharge.Select(memberId => DuesCharge.Charge(cooperative, memberId, year, amount, clock)));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ChargeDuesResponse(year, amount.Amount, toCharge.Count, alreadyCharged.Count));
    }
}
