using Microsoft.Extensions.Localization;

namespace RuralCommerce.Cooperatives.Features.Common;

/// <summary>Statuses and roles as the page's reader says them.</summary>
internal static class MemberLabels
{
    public static string Status(this IStringLocalizer text, string status) => text[$"Status.{status}"];

    public static string Roles(this IStringLocalizer text, IEnumerable<string> roles) => string.Join("、", roles.Select(r => text[$"Role.{r}"].Value));
}
