using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Features.Common;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.IncomeTracking.Features.ManualEntries;

/// <summary>Income recorded by hand: source OfflineSale, Subsidy, Wages or Other; a positive amount in yuan; the China date it happened.</summary>
internal sealed record ManualEntryRequest(
    [property: Required, OneOfNames(typeof(IncomeSource))] string? Source,
    [property: Required] decimal? Amount,
    [property: Required] DateOnly? OccurredOn,
    [property: MaxLength(200)] string? Note);

internal sealed record ReversalRequest([property: MaxLength(200)] string? Note);

/// <summary>The entry written, in yuan.</summary>
internal sealed record ManualEntryResponse(Guid EntryId, string Source, decimal Amount, DateOnly OccurredOn, string? Note, Guid? Reverses, DateTimeOffset PostedAt);

internal static class ManualEntriesEndpoints
{
    public static void MapManualEntries(this IEndpointRouteBuilder group)
    {
        group.MapPost(IncomeTrackingApiPaths.Ledger, RecordAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithIdempotency<IncomeTrackingDbContext>()
            .WithName("RecordManualEntry")
            .WithSummary("The seller (or an administrator) records income outside the platform: an offline sale at the market, a subsidy, wages, other.")
            .WithDescription("The member themselves or the cooperative's administrators (403 otherwise). Shop, livestream and imported sales come " +
                "from orders (409); a future date is 409. The amount is positive, in yuan with at most two decimals (400 otherwise). Send an Idempotency-Key: a " +
                "retried request records once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(IncomeTrackingApiPaths.Reversal, ReverseAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("ReverseLedgerEntry")
            .WithSummary("Corrects a mistake: an entry that cancels one of the ledger's entries, dated today. Nothing is edited or deleted.")
            .WithDescription("The member themselves or the cooperative's administrators (403 otherwise). An entry is reversed once (409 again), " +
                "and a reversal is not reversed (409): record the right amount instead.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Created<ManualEntryResponse>> RecordAsync(
        Guid cooperativeId, Guid memberId, ManualEntryRequest request, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var source = errors.RequireName<IncomeSource>(request.Source, "source");
        var amount = errors.RequireMoney(request.Amount, "amount");
        errors.Require(request.OccurredOn is not null, "occurredOn", "occurredOn is required (yyyy-MM-dd).");
        var note = errors.OptionalText(request.Note, "note", 200);
        errors.ThrowIfAny();
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        var now = clock.GetUtcNow();
        var entry = LedgerEntry.Manual(NewId.Next(clock), memberId, cooperativeId, source, amount.ToFen(), note, request.OccurredOn!.Value, now);
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Ledger, cooperativeId, memberId), entry.ToResponse());
    }

    internal static async Task<Created<ManualEntryResponse>> ReverseAsync(
        Guid cooperativeId, Guid memberId, Guid entryId, ReversalRequest request, ClaimsPrincipal caller, IncomeTrackingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var note = errors.OptionalText(request.Note, "note", 200);
        errors.ThrowIfAny();
        await caller.RequireOwnOrAdministeredMemberAsync(db, cooperativeId, memberId, cancellationToken);

        var entry = await db.LedgerEntries.AsNoTracking()
                        .SingleOrDefaultAsync(e => e.Id == entryId && e.SellerId == memberId && e.CooperativeId == cooperativeId, cancellationToken)
                    ?? throw new NotFoundException("Ledger entry", entryId);
        var now = clock.GetUtcNow();
        var reversal = entry.Reversal(NewId.Next(clock), note, ChinaTime.Today(now), now);
        if (await db.LedgerEntries.AnyAsync(e => e.Reverses == entry.Id, cancellationToken))
        {
            throw new ConflictException("AlreadyReversed", "This entry was already reversed.");
        }

        // The reversal's reference is unique per seller: two reversals at once cannot both save.
        db.LedgerEntries.Add(reversal);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(IncomeTrackingApiPaths.Url(IncomeTrackingApiPaths.Ledger, cooperativeId, memberId), reversal.ToResponse());
    }

    private static ManualEntryResponse ToResponse(this LedgerEntry e) =>
        new(e.Id, e.Source.ToString(), Money.FromFen(e.AmountFen).Amount, e.OccurredOn, e.Note, e.Reverses, e.PostedAt);
}
