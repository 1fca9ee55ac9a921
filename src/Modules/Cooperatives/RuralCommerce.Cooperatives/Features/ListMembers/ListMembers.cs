using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.ListMembers;

internal static class ListMembersEndpoint
{
    public static void MapListMembers(this IEndpointRouteBuilder group) =>
        group.MapGet(CooperativesApiPaths.Members, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ListMembers")
            .WithSummary("The member register, filtered by status, role, village, and name or phone digits (q), sorted by name.")
            .WithDescription("Cooperative administrators. Paged (page, pageSize ≤ 100); q matches a name or the last digits of a phone number. ID card numbers are masked.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Ok<PagedResult<MemberResponse>>> HandleAsync(
        Guid cooperativeId, [OneOfNames(typeof(MemberStatus))] string? status, [OneOfNames(typeof(Contracts.MemberRoles))] string? role, string? village, string? q, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize,
        CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var query = new MemberFilter(status, role, village, q).Apply(db.Members, cooperativeId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(paging.Skip).Take(paging.PageSize).ToRows().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<MemberResponse>(rows.Select(r => r.ToResponse()).ToList(), paging.Page, paging.PageSize, total));
    }
}
