using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Commission;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.CommissionRates;

internal sealed record CommissionRateRequest([property: Required, Range(0, 50)] decimal? Percent);

internal sealed record CommissionRateResponse(DateOnly EffectiveFrom, decimal Percent, DateTimeOffset SetAt);

internal static class CommissionRatesEndpoints
{
    public static void MapCommissionRates(this IEndpointRouteBuilder group)
    {
        group.MapPut(IncomeTrackingApiPaths.CommissionRate, SetAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("SetCommissionRate")
            .WithSummary("The cooperative's administrator sets its commission rate (percent of sellers' sales) from a China date on.")
            .WithDescription("{effectiveFrom} is yyyy-MM-dd, today or later (409 for a past date: what was credited stays as credited). Percent " +
                "from 0 to 50 with at most two decimals. Setting the same date again replaces that rate. Orders completed on or after the date " +
                "are credited at it, until the next rate.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(IncomeTrackingApiPaths.CommissionRates, ListAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ListCommissionRates")
            .WithSummary("The cooperative's commission rates, newest first: its members see what they are charged.")
            .WithDescription("The cooperative's members and administrators.");
    }

    internal static async Task<Ok<CommissionRateResponse>> SetAsync(
        Guid cooperativeId, string effectiveFrom, CommissionRateRequest request, IncomeTrackingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var validDate = DateOnly.TryParseExact(effectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from);
        errors.Require(validDate, "effectiveFrom", "effectiveFrom is a date: yyyy-MM-dd.");
        errors.Require(request.Percent is >= 0m and <= CommissionRate.MaxPercent && decimal.Round(request.Percent.Value, 2) == request.Percent,
            "percent", $"percent is from 0 to {CommissionRate.MaxPercent} with at most two decimals.");
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        if (from < ChinaTime.Today(now))
        {
            throw new ConflictException("RateInThePast", "A commission rate takes effect today or later: what was credited stays as credited.");
        }

        var rate = await db.CommissionRates.SingleOrDefaultAsync(r => r.CooperativeId == cooperativeId && r.EffectiveFrom == from, cancellationToken);
        if (rate is null)
        {
            rate = CommissionRate.From(cooperativeId, from, request.Percent!.Value, now);
            db.CommissionRates.Add(rate);
        }
        else
        {
            rate.Change(request.Percent!.Value, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CommissionRateResponse(rate.EffectiveFrom, rate.Percent, rate.SetAt));
    }

    internal static async Task<Ok<IReadOnlyList<CommissionRateResponse>>> ListAsync(
        Guid cooperativeId, IncomeTrackingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<CommissionRateResponse>>(await db.CommissionRates.AsNoTracking()
            .Where(r => r.CooperativeId == cooperativeId).OrderByDescending(r => r.EffectiveFrom)
            .Select(r => new CommissionRateResponse(r.EffectiveFrom, r.Percent, r.SetAt)).Take(100).ToListAsync(cancellationToken));
}
