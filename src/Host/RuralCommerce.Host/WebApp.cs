using System.Globalization;
using Microsoft.AspNetCore.Localization;
using RuralCommerce.Host.Components;
using RuralCommerce.Shared.Infrastructure;
using RuralCommerce.Shared.Infrastructure.Security;

namespace RuralCommerce.Host;

/// <summary>
/// The web app's shell: Blazor static server rendering (no WebAssembly, no circuits), Chinese first with English as a
/// switch, the status-code pages, and the module assemblies whose pages the router serves.
/// </summary>
internal static class WebApp
{
    public const string DefaultCulture = "zh-CN";
    public static readonly string[] Cultures = [DefaultCulture, "en"];

    public static IServiceCollection AddWebApp(this IServiceCollection services, IEnumerable<HostModule> modules)
    {
        services.AddRazorComponents();
        services.AddLocalization();
        // Chinese text as UTF-8 characters, not six-byte HTML entities: a third of the page weight on a slow network.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // The modules' pages, and the shared ones (the parked-message page of the outbox every module has).
        services.AddSingleton(new ModulePages([.. modules.Select(m => m.Assembly).Append(typeof(HostModule).Assembly).Distinct()]));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The switch's cookie first, then the phone's language; never the query string.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>API answers keep their ProblemDetails; a page's 403 or 404 renders the error page in place.</summary>
    public static void UseStatusCodePagesPerAudience(this WebApplication app)
    {
        app.UseWhen(PageAuthentication.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !PageAuthentication.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        // Routing again, so that the re-executed request finds the error page (a request already routed keeps its endpoint).
        app.UseRouting();

        // An address no page has is a 404 page for everyone; the private-by-default policy would send a visitor to sign in first.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && !PageAuthentication.IsApi(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    public static void MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddAdditionalAssemblies([.. app.Services.GetRequiredService<ModulePages>().Assemblies]);

        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
            {
                if (Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
                {
                    http.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                        new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
                }

                return Results.LocalRedirect(PageAuthentication.LocalOrHome(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
