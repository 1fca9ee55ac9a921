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

namespace RuralCommerce.Cooperatives.Features.Common;

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
            query = query.WithRole(Role);
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
