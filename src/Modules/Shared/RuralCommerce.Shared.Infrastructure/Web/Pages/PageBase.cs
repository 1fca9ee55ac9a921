using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Shared.Infrastructure.Web.Pages;

/// <summary>
/// What every module's page has: the request, its text in the page's language (<typeparamref name="TText"/>, the
/// module's resources), and a way to run a use case that turns a refusal into <see cref="FormErrors"/>.
/// </summary>
public abstract class PageBase<TText> : ComponentBase
{
    [CascadingParameter] protected HttpContext Http { get; set; } = null!;

    [Inject] protected IStringLocalizer<TText> L { get; set; } = null!;

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

    /// <summary>
    /// Loads what the page shows; what does not exist (or is not the reader's to see) renders the 404 page, as the
    /// API answers 404. Returns false then.
    /// </summary>
    protected async Task<bool> LoadOrNotFoundAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
            return true;
        }
        catch (Exception e) when (e is RuralCommerce.SharedKernel.NotFoundException or RuralCommerce.SharedKernel.ForbiddenException)
        {
            Navigation.NotFound();
            return false;
        }
    }

    /// <summary>Goes to a page of this site only (a return URL from the query string is never trusted further).</summary>
    protected void GoTo(string? url) => Navigation.NavigateTo(PageAuthentication.LocalOrHome(url));
}
