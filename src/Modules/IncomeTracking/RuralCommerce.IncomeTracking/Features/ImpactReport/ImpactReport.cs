using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.IncomeTracking.Features.ImpactReport;

internal static class ImpactReportEndpoints
{
    public static void MapImpactReport(this IEndpointRouteBuilder group) =>
        group.MapGet(IncomeTrackingApiPaths.Impact, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("CooperativeImpactReport")
            .WithSummary("The cooperative's impact report for a period: whose income rose over baseline, income by source and month, top livestream events, and trained against untrained sellers.")
            .WithDescription("period is yyyy-MM, yyyy-Qn or yyyy (default: this year); threshold is the gain in percent from which a seller " +
                "counts as one whose income rose (default from configuration, 20). Months are posting months in China time. Gains compare " +
                "the period's closed months with each seller's baseline. The training-effect table compares, per course topic, the sellers " +
                "who completed a course in the period (once their after-window has closed) with the sellers never trained, over the same " +
                "calendar months; groups under 30 sellers are marked indicativeOnly.")
            .ProducesValidationProblem();

    internal static async Task<Ok<ImpactFigures>> HandleAsync(
        Guid cooperativeId, [RegularExpression(ImpactRequest.PeriodPattern)] string? period, [Range(0, 1000)] decimal? threshold, IncomeTrackingDbContext db, TimeProvider clock, IOptions<IncomeTrackingOptions> options,
        CancellationToken cancellationToken)
    {
        var (span, label, settings) = ImpactRequest.Read(period, threshold, clock, options.Value);
        return TypedResults.Ok(await db.ComputeAsync([cooperativeId], label, span, Month.Of(clock.GetUtcNow()), settings, cancellationToken));
    }
}
