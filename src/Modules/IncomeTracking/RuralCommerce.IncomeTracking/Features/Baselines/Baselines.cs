using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Baselines;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.Baselines;

/// <summary>
/// A new baseline version. Declared: the household's annual income (yuan) before joining and the year it refers to.
/// Derived: the mean monthly income of the ledger's first three full months, computed and frozen now.
/// </summary>
internal sealed record BaselineRequest(
    [property: Required, OneOfNames(typeof(BaselineKind))] string? Kind,
    decimal? AnnualIncome,
    int? Year,
    [property: MaxLength(200)] string? Note);

internal sealed record BaselineVersionResponse(
    int Version, string Kind, decimal Monthly, decimal? Annual, int? Year, string? Note, Guid SetBy, DateTimeOffset SetAt);

/// <summary>The baseline in force (null when there is none yet) and every version set, newest first.</summary>
internal sealed record BaselineResponse(BaselineInForce? InForce, IReadOnlyList<BaselineVersionResponse> Versions);

internal sealed record BaselineInForce(string Kind, decimal Monthly, int? Version, int? Year, decimal? Annual, string? DerivedFrom);

internal static class BaselinesEndpoints
{
    public static void MapBaselines(this IEndpointRouteBuilder group)
    {
        group.MapGet(IncomeTrackingApiPaths.Baseline, GetAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("SellerBaseline")
            .WithSummary("A seller's baseline in force and its history: the income gains are measured against.")
            .WithDescription("The member themselves, or the cooperative's administrators (403 otherwise). Without a version set, the baseline " +
                "in force is derived from the ledger's first three full months once they have closed (null before).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost(IncomeTrackingApiPaths.Baseline, SetAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("SetSellerBaseline")
            .WithSummary("The cooperative's administrator sets a new version of a member's baseline, declared or derived from the ledger.")
            .WithDescription("kind Declared needs annualIncome (yuan, 0 or more, two decimals) and year (not in the future: 409). kind Derived " +
                "freezes the mean monthly income of the ledger's first three full months (409 until they have closed). Earlier versions are kept. " +
                "404 when the member is not one of this cooperative's.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<BaselineResponse>> GetAsync(
        Guid cooperativeId, Guid memberId, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        await RequireMemberAsync(db, cooperativeId, memberId, cancellationToken);
        var inForce = await db.ForSellerAsync(memberId, Month.Of(clock.GetUtcNow()), cancellationToken);
        var versions = await db.Baselines.AsNoTracking().Where(b => b.SellerId == memberId).OrderByDescending(b => b.Version)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new BaselineResponse(
            inForce is null ? null : new BaselineInForce(inForce.Kind.ToString(), Yuan.Of(inForce.MonthlyFen), inForce.Version, inForce.Year,
                inForce.AnnualFen is { } annual ? Yuan.Of(annual) : null, inForce.DerivedFromLabel()),
            versions.Select(ToResponse).ToList()));
    }

    internal static async Task<Created<BaselineVersionResponse>> SetAsync(
        Guid cooperativeId, Guid memberId, BaselineRequest request, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kind = errors.RequireName<BaselineKind>(request.Kind, "kind");
        var note = errors.OptionalText(request.Note, "note", 200);
        if (kind == BaselineKind.Declared)
        {
            errors.Require(request.AnnualIncome is >= 0m and <= 10_000_000_000m && decimal.Round(request.AnnualIncome.Value, 2) == request.AnnualIncome,
                "annualIncome", "annualIncome (yuan, 0 or more, at most two decimals) is required for a declared baseline.");
            errors.Require(request.Year is >= 2000, "year", "year (2000 or later) is required for a declared baseline.");
        }

        errors.ThrowIfAny();
        await RequireMemberAsync(db, cooperativeId, memberId, cancellationToken);

        var now = clock.GetUtcNow();
        var version = (await db.Baselines.Where(b => b.SellerId == memberId).MaxAsync(b => (int?)b.Version, cancellationToken) ?? 0) + 1;
        var setBy = caller.AccountId();
        Baseline baseline;
        if (kind == BaselineKind.Declared)
        {
            baseline = Baseline.Declared(memberId, version, (long)(request.AnnualIncome!.Value * 100), request.Year!.Value, note, setBy, now);
        }
        else
        {
            // Derived from the ledger as it stands: frozen, so later corrections do not move old reports.
            var derived = await db.DeriveAsync(memberId, Month.Of(now), cancellationToken)
                          ?? throw new ConflictException("LedgerTooShort", "A derived baseline needs the ledger's first three full months to have closed.");
            baseline = Baseline.Derived(memberId, version, derived.MonthlyFen, note, setBy, now);
        }

        db.Baselines.Add(baseline);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Baseline, cooperativeId, memberId), ToResponse(baseline));
    }

    private static async Task RequireMemberAsync(IncomeTrackingDbContext db, Guid cooperativeId, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await db.Sellers.AnyAsync(s => s.Id == memberId && s.CooperativeId == cooperativeId, cancellationToken))
        {
            throw new NotFoundException("Member", memberId);
        }
    }

    private static BaselineVersionResponse ToResponse(Baseline b) => new(
        b.Version, b.Kind.ToString(), Yuan.Of(b.MonthlyFen), b.AnnualFen is { } annual ? Yuan.Of(annual) : null, b.Year, b.Note, b.SetBy, b.SetAt);
}
