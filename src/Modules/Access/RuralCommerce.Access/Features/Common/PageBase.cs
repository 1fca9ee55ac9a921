using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web.Pages;

namespace RuralCommerce.Access.Features.Common;

/// <summary>
/// What every Access page has: the request, its text in the page's language, and a way to run a use case that turns
/// a refusal into <see cref="FormErrors"/>. Razor components are public by Razor's design; nothing else here is.
/// </summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter] protected HttpContext Http { get; set; } = null!;

    [Inject] protected IStringLocalizer<AccessText> L { get; set; } = null!;

    [Inject] protected IStringLocalizer<SharedText> SharedL { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected FormErrors Errors { get; private set; } = FormErrors.None;

    protected CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Runs the use case; true when it succeeded, else <see cref="Errors"/> says why in the page's language.</summary>
    protected async Task<bool> TryAsync(Func<Task> useCase)
    {
        Errors = await FormErrors.CaptureAsync(useCase, L, SharedL);
        return !Errors.Any;
    }

    /// <summary>Goes to a page of this site only (a return URL from the query string is never trusted further).</summary>
    protected void GoTo(string? url) => Navigation.NavigateTo(PageAuthentication.LocalOrHome(url));
}
