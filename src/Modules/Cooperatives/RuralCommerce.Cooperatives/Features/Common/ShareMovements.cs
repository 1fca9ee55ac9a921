using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Domain.Shares;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.Common;

/// <summary>How many shares move: subscribing, buying back (the transfer has its own request).</summary>
internal sealed record ShareCountRequest([property: Required, Range(1, 1_000_000)] int? Count);

internal sealed record ShareMovementResponse(Guid MemberId, int Count, decimal Value, int SharesHeld);

/// <summary>One member's shares go up or down against the cooperative, and the share register records it.</summary>
internal static class ShareMovements
{
    public static async Task<Ok<ShareMovementResponse>> RecordAsync(
        Guid cooperativeId, Guid memberId, ShareCountRequest request, ShareMovement movement, Action<Member, Cooperative, int> change,
        CooperativesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var count = errors.RequireShareCount(request.Count);
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        change(member, cooperative, count);
        var entry = ShareLedgerEntry.Record(new ShareLedgerEntryId(NewId.Next(clock)), cooperative, member.Id, movement, count, clock.GetUtcNow());
        db.ShareLedger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ShareMovementResponse(memberId, entry.Count, entry.Value.Amount, member.Shares));
    }
}
