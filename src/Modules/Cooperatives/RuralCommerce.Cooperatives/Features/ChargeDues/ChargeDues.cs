using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Dues;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.ChargeDues;

internal sealed record ChargeDuesRequest(
    [property: Required, Range(0.01, 10_000_000_000)] decimal? Amount,
    [property: MaxLength(ChargeDuesEndpoint.MaxListedMembers)] IReadOnlyList<Guid>? MemberIds);

internal sealed record ChargeDuesResponse(int Year, decimal Amount, int Charged, int AlreadyCharged);

internal static class ChargeDuesEndpoint
{
    /// <summary>Members one request may list; to charge more, leave the list out and every current member is charged.</summary>
    public const int MaxListedMembers = 10_000;

    // Rows per query or insert: far below SQLite's 32,766 and SQL Server's 2,100 parameters.
    private const int Batch = 1_000;

    public static void MapChargeDues(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.DuesCharges, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithRequestBodyLimit(512 * 1024)
            .WithName("ChargeDues")
            .WithSummary("Charges a year's dues to the listed members, or to every active and suspended member. "
                         + "A member is charged at most once a year; charging again skips them.")
            .WithDescription($"memberIds may list up to {MaxListedMembers:N0} members (the body up to 512 KB); without it every current "
                             + "member is charged, however large the cooperative.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<ChargeDuesResponse>> HandleAsync(
        Guid cooperativeId, int year, ChargeDuesRequest request, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(year is >= 2000 and <= 2100, "year", "year must be between 2000 and 2100.");
        var amount = errors.RequireMoney(request.Amount, "amount");
        var listed = request.MemberIds?.Distinct().Select(id => new MemberId(id)).ToList() ?? [];
        errors.Require(
            listed.Count <= MaxListedMembers,
            "memberIds",
            $"List at most {MaxListedMembers:N0} members, or leave memberIds out to charge every current member.");
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        cooperative.EnsureAcceptsChanges();
        var currentIds = await CurrentMembersAsync(db, cooperative.Id, listed, cancellationToken);
        // The year's charges of the whole cooperative, so no query needs a list of ids.
        var alreadyCharged = (await db.DuesCharges
                .Where(d => d.CooperativeId == cooperative.Id && d.Year == year)
                .Select(d => d.MemberId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var toCharge = currentIds.Where(id => !alreadyCharged.Contains(id)).ToList();

        // One transaction (the idempotency key's, when there is one), saved a batch at a time so memory stays flat.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var now = clock.GetUtcNow();
        foreach (var batch in toCharge.Chunk(Batch))
        {
            var charges = batch.Select(memberId => DuesCharge.Charge(new DuesChargeId(NewId.Next(clock)), cooperative, memberId, year, amount, now)).ToList();
            db.DuesCharges.AddRange(charges);
            await db.SaveChangesAsync(cancellationToken);
            charges.ForEach(charge => db.Entry(charge).State = EntityState.Detached);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(new ChargeDuesResponse(year, amount.Amount, toCharge.Count, currentIds.Count - toCharge.Count));
    }

    /// <summary>The listed members (404 unless all are the cooperative's), or all of them; active and suspended only.</summary>
    private static async Task<List<MemberId>> CurrentMembersAsync(
        CooperativesDbContext db, CooperativeId cooperativeId, List<MemberId> listed, CancellationToken cancellationToken)
    {
        // Ids and statuses only: charging dues needs no member aggregates.
        var members = db.Members.Where(m => m.CooperativeId == cooperativeId);
        var candidates = new List<(MemberId Id, MemberStatus Status)>();
        if (listed.Count == 0)
        {
            candidates.AddRange((await members.Select(m => new { m.Id, m.Status }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Status)));
        }

        foreach (var batch in listed.Chunk(Batch))
        {
            var found = await members.Where(m => batch.Contains(m.Id)).Select(m => new { m.Id, m.Status }).ToListAsync(cancellationToken);
            candidates.AddRange(found.Select(m => (m.Id, m.Status)));
        }

        if (listed.Count > 0 && candidates.Count != listed.Count)
        {
            throw new SharedKernel.NotFoundException("Member", "one or more of memberIds");
        }

        return candidates.Where(m => m.Status is MemberStatus.Active or MemberStatus.Suspended).Select(m => m.Id).ToList();
    }
}
