using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.GetOverview;

internal sealed record OverviewResponse(
    Guid CooperativeId, string Name, string Status, IReadOnlyDictionary<string, int> MembersByStatus,
    IReadOnlyDictionary<string, int> ActiveMembersByRole, int SharesOutstanding, decimal SharesValue,
    int DuesInArrears, decimal DuesArrearsAmount);

internal static class GetOverviewEndpoint
{
    public static void MapGetOverview(this IEndpointRouteBuilder group) =>
        group.MapGet("/{cooperativeId:guid}/overview", HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetCooperativeOverview")
            .WithSummary("Member counts by status and role, shares outstanding and their value, dues in arrears.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<OverviewResponse>> HandleAsync(Guid cooperativeId, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var id = new CooperativeId(cooperativeId);
        var members = db.Members.AsNoTracking().Where(m => m.CooperativeId == id);
        var byStatus = await members.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byRole = new Dictionary<string, int>();
        foreach (var role in MemberRoles.All)
        {
            var filter = Member.RoleFilter(role);
            byRole[role] = await members.CountAsync(
                m => m.Status == MemberStatus.Active && EF.Property<string>(m, "_roleList").Contains(filter), cancellationToken);
        }

        var shares = await members.SumAsync(m => m.Shares, cancellationToken);
        var arrears = db.DuesCharges.AsNoTracking().Where(d => d.CooperativeId == id && d.PaidAt == null);
        var arrearsCount = await arrears.CountAsync(cancellationToken);
        // Money is stored as whole fen, so the database sums integers.
        var arrearsFen = await arrears.SumAsync(d => EF.Property<long>(d, "_amountFen"), cancellationToken);

        return TypedResults.Ok(new OverviewResponse(
            cooperative.Id.Value, cooperative.Name, cooperative.Status.ToString(),
            Enum.GetValues<MemberStatus>().ToDictionary(s => s.ToString(), s => byStatus.SingleOrDefault(b => b.Status == s)?.Count ?? 0),
            byRole, shares, cooperative.SharePrice.Multiply(shares, MidpointRounding.AwayFromZero).Amount,
            arrearsCount, Money.FromFen(arrearsFen).Amount));
    }
}
