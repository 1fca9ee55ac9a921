using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.PayDues;

internal sealed record DuesResponse(Guid MemberId, int Year, decimal Amount, DateTimeOffset ChargedAt, DateTimeOffset? PaidAt);

internal static class PayDuesEndpoint
{
    public static void MapPayDues(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.MemberDuesPayment, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("PayDues")
            .WithSummary("Records that a member paid a year's dues. Recording it again changes nothing and answers the same.")
            .WithDescription("Cooperative administrators. 404 when the member has no charge for that year.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<DuesResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, int year, CooperativesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var charge = await db.DuesCharges.SingleOrDefaultAsync(
                         d => d.CooperativeId == new CooperativeId(cooperativeId) && d.MemberId == new MemberId(memberId) && d.Year == year,
                         cancellationToken)
                     ?? throw new NotFoundException("Dues charge", $"{memberId}/{year}");
        charge.Pay(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DuesResponse(memberId, year, charge.Amount.Amount, charge.ChargedAt, charge.PaidAt));
    }
}
