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

/// <summary>The register's filters, shared by the paged list and the CSV export.</summary>
internal sealed record MemberFilter(string? Status, string? Role, string? Village, string? Q)
{
    public IQueryable<Member> Apply(IQueryable<Member> members, Guid cooperativeId)
    {
        var errors = new ValidationErrors();
        errors.Require(Status is null || Enum.TryParse<MemberStatus>(Status, ignoreCase: true, out _), "status",
            $"status must be one of: {string.Join(", ", Enum.GetNames<MemberStatus>())}.");
        if (Role is not null)
        {
            errors.RequireRole(Role);
        }

        errors.ThrowIfAny();

        var id = new CooperativeId(cooperativeId);
        var query = members.AsNoTracking().Where(m => m.CooperativeId == id);
        if (Status is not null)
        {
            var status = Enum.Parse<MemberStatus>(Status, ignoreCase: true);
            query = query.Where(m => m.Status == status);
        }

        if (Role is not null)
        {
            var filter = Member.RoleFilter(Role);
            query = query.Where(m => EF.Property<string>(m, "_roleList").Contains(filter));
        }

        if (!string.IsNullOrWhiteSpace(Village))
        {
            query = query.Where(m => m.Village == Village.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            // Four or more digits (spaces and a leading + allowed) search phone numbers; anything else searches names.
            var digits = text.TrimStart('+').Replace(" ", "", StringComparison.Ordinal);
            query = digits.Length >= 4 && digits.All(char.IsAsciiDigit)
                ? query.Where(m => m.PhoneDigits.Contains(digits))
                : query.Where(m => m.Name.Contains(text));
        }

        return query.OrderBy(m => m.Name).ThenBy(m => m.Id);
    }
}

internal static class ListMembersEndpoint
{
    public static void MapListMembers(this IEndpointRouteBuilder group) =>
        group.MapGet("/{cooperativeId:guid}/members", HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("ListMembers")
            .WithSummary("The member register, filtered by status, role, village, and name or phone digits (q), sorted by name.")
            .WithDescription("Cooperative administrators. Paged (page, pageSize ≤ 100); q matches a name or the last digits of a phone number. ID card numbers are masked.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<PagedResult<MemberResponse>>> HandleAsync(
        Guid cooperativeId, string? status, string? role, string? village, string? q, int? page, int? pageSize,
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
