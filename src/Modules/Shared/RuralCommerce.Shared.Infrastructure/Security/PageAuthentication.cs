using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>
/// Pages sign in with a cookie; <c>/api/*</c> stays bearer-only. The cookie carries the same claims as an access token
/// and is bound to the same Access session: a signed-out, password-changed or stolen session ends the cookie too, and
/// its claims are rebuilt from Access as often as an access token would be refreshed.
/// </summary>
public static class PageAuthentication
{
    public const string Scheme = "Pages";
    public const string CookieName = "rc.session";
    public const string SignInPath = "/signin";
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>When the cookie's claims were last read from Access (ISO 8601, UTC).</summary>
    public const string ClaimsReadAt = "claims_read_at";

    /// <summary>Same as the access token's lifetime: a new membership shows up within this time without signing in again.</summary>
    public static readonly TimeSpan ClaimsLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The header a page's own script sends the antiforgery request token in (the page renders it in a meta tag).</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static bool IsApi(HttpContext context) =>
        context?.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>
    /// Lets a page's own script call this JSON endpoint with the page cookie, and only together with the antiforgery
    /// request token in the <see cref="AntiforgeryHeader"/> header; every other caller still needs a bearer token.
    /// </summary>
    public static TBuilder AllowPageScripts<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PageScriptAccess());

    /// <summary>Bearer for <c>/api/*</c> (the cookie only where <see cref="AllowPageScripts"/> says so), the cookie for pages.</summary>
    internal static string SchemeFor(HttpContext context) =>
        !IsApi(context)
        || (context.GetEndpoint()?.Metadata.GetMetadata<PageScriptAccess>() is not null
            && !context.Request.Headers.ContainsKey("Authorization")
            && context.Request.Headers.ContainsKey(AntiforgeryHeader))
            ? Scheme
            : JwtBearerDefaults.AuthenticationScheme;

    /// <summary>Only a path on this site is a place to return to (never <c>//evil</c> or <c>/\evil</c>).</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";

    public static ClaimsPrincipal Principal(IEnumerable<Claim> claims, DateTimeOffset now) =>
        new(new ClaimsIdentity(
            claims.Append(new Claim(ClaimsReadAt, now.ToString("O", CultureInfo.InvariantCulture))),
            Scheme, RuralClaims.Name, RuralClaims.Role));

    internal static void AddPageCookie(this AuthenticationBuilder authentication)
    {
        // Secure outside Development (where the host may be opened over plain http on a laptop).
        authentication.Services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IHostEnvironment>((cookie, environment) =>
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        authentication.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = SignInPath;
            cookie.ReturnUrlParameter = ReturnUrlParameter;
            cookie.SlidingExpiration = false;
            cookie.Events = new CookieAuthenticationEvents
            {
                // The status-code pages render the 403 page in place, so the address bar keeps the page that was refused.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                // A JSON endpoint answers 401, never a redirect to the sign-in page.
                OnRedirectToLogin = context =>
                {
                    if (IsApi(context.HttpContext))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }

                    return Task.CompletedTask;
                },
                OnValidatePrincipal = ValidateAsync,
            };
        });
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        if (IsApi(context.HttpContext) && !await CarriesAntiforgeryTokenAsync(context.HttpContext, principal))
        {
            // A script on another site cannot read the token: the cookie alone opens no JSON endpoint.
            context.RejectPrincipal();
            return;
        }

        var revocations = services.GetService<ISessionRevocations>();
        var sessionEnded = !Guid.TryParse(principal.FindFirst(RuralClaims.Session)?.Value, out var sessionId)
                           || (revocations is not null && await revocations.IsRevokedAsync(sessionId, context.HttpContext.RequestAborted));
        if (!sessionEnded)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var readAt = DateTimeOffset.TryParse(principal.FindFirst(ClaimsReadAt)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : DateTimeOffset.MinValue;
            if (now - readAt < ClaimsLifetime)
            {
                return;
            }

            var refreshed = services.GetService<IPageSessionRefresher>() is { } refresher
                ? await refresher.RefreshAsync(sessionId, principal, context.HttpContext.RequestAborted)
                : null;
            if (refreshed is not null)
            {
                context.ReplacePrincipal(refreshed);
                context.ShouldRenew = true;
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    /// <summary>Validates the header token for any method (the built-in check lets GET through), as the cookie's owner.</summary>
    private static async Task<bool> CarriesAntiforgeryTokenAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var anonymous = http.User;
        http.User = principal;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
        finally
        {
            http.User = anonymous;
        }
    }
}

/// <summary>Marks a JSON endpoint a page's own script may call with the cookie (see <see cref="PageAuthentication.AllowPageScripts"/>).</summary>
public sealed class PageScriptAccess;

/// <summary>Reads a page session's claims again from Access (which implements it); null when the session is over.</summary>
public interface IPageSessionRefresher
{
    Task<ClaimsPrincipal?> RefreshAsync(Guid sessionId, ClaimsPrincipal current, CancellationToken cancellationToken);
}
