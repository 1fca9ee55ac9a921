using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.IncomeTracking.Features.CountyReport;

/// <summary>The county's figures over every cooperative registered in it, with one line per cooperative to compare them.</summary>
internal sealed record CountyReportResponse(string Province, string County, ImpactFigures Report);

internal static class CountyReportEndpoints
{
    public static void MapCountyReport(this IEndpointRouteBuilder group) =>
        group.MapGet(IncomeTrackingApiPaths.County, HandleAsync)
            .RequireAuthorization()
            .WithName("CountyImpactReport")
            .WithSummary("The county e-commerce service centre's report: the impact report over every cooperative of a county, and each cooperative's line.")
            .WithDescription("Platform administrators, and accounts holding the county-officer role for this province and county (403 otherwise; " +
                "county names repeat across provinces, so both are named as the cooperatives registered them). 404 when no cooperative is " +
                "registered there. period and threshold as in the cooperative's impact report.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<CountyReportResponse>> HandleAsync(
        string province, string county, [RegularExpression(ImpactRequest.PeriodPattern)] string? period, [Range(0, 1000)] decimal? threshold, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock,
        IOptions<IncomeTrackingOptions> options, CancellationToken cancellationToken)
    {
        var (span, label, settings) = ImpactRequest.Read(period, threshold, clock, options.Value);
        var cooperatives = await db.CountyCooperativesAsync(caller, province, county, cancellationToken);
        var report = await db.ComputeAsync(cooperatives, label, span, Month.Of(clock.GetUtcNow()), settings, cancellationToken);
        return TypedResults.Ok(new CountyReportResponse(province.Trim(), county.Trim(), report));
    }
}
