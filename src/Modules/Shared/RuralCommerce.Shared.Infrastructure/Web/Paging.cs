using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>A page of a deterministically sorted list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>Bounded paging: <c>page</c> from 1, <c>pageSize</c> 1–100 (default 20).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
    }
}
