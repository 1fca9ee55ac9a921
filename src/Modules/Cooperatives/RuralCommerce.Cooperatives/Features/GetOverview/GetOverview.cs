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
        group.MapGet(CooperativesApiPaths.Overview, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeMember)
            .WithName("GetCooperativeOverview")
            .WithSummary("Member counts by status and role, shares outstanding and their value, dues in arrears.")
            .WithDescription("Cooperative administrators: counts, shares and arrears in one answer for the back office's first page.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<OverviewResponse>> HandleAsync(Guid cooperativeId, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var id = new CooperativeId(cooperativeId);
        var members = db.Members.AsNoTracking().Where(m => m.CooperativeId == id);
        var byStatus = await members.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // One pass over the active members for every role (COUNT(CASE …) per role).
        var (admin, seller, host, trainer) = (RoleSet.Token(MemberRoles.Admin), RoleSet.Token(MemberRoles.Seller),
            RoleSet.Token(MemberRoles.LivestreamHost), RoleSet.Token(MemberRoles.Trainer));
        var roles = await members.Where(m => m.Status == MemberStatus.Active)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Admin = g.Count(m => EF.Property<string>(m, Member.RolesField).Contains(admin)),
                Seller = g.Count(m => EF.Property<string>(m, Member.RolesField).Contains(seller)),
                LivestreamHost = g.Count(m => EF.Property<string>(m, Member.RolesField).Contains(host)),
                Trainer = g.Count(m => EF.Property<string>(m, Member.RolesField).Contains(trainer)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var byRole = new Dictionary<string, int>
        {
            [MemberRoles.Admin] = roles?.Admin ?? 0,
            [MemberRoles.Seller] = roles?.Seller ?? 0,
            [MemberRoles.LivestreamHost] = roles?.LivestreamHost ?? 0,
            [MemberRoles.Trainer] = roles?.Trainer ?? 0,
        };

        // Suspended members keep their shares; only members who left or were rejected hold none.
        var shares = await members.SumAsync(m => m.Shares, cancellationToken);
        // Money is stored as whole fen, so the database sums integers.
        var arrears = await db.DuesCharges.AsNoTracking()
            .Where(d => d.CooperativeId == id && d.PaidAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Fen = g.Sum(d => EF.Property<long>(d, "_amountFen")) })
            .SingleOrDefaultAsync(cancellationToken);

        return TypedResults.Ok(new OverviewResponse(
            cooperative.Id.Value, cooperative.Name, cooperative.Status.ToString(),
            Enum.GetValues<MemberStatus>().ToDictionary(s => s.ToString(), s => byStatus.SingleOrDefault(b => b.Status == s)?.Count ?? 0),
            byRole, shares, cooperative.SharePrice.Multiply(shares, MidpointRounding.AwayFromZero).Amount,
            arrears?.Count ?? 0, Money.FromFen(arrears?.Fen ?? 0).Amount));
    }
}
