using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RuralCommerce.Shared.Infrastructure.Web;

public static class SecurityHeaders
{
    /// <summary>
    /// Pages and scripts come only from this host: nothing inline, nothing from a CDN, no framing. The API reference
    /// page (<c>/scalar</c>) runs its own inline start-up script and keeps a looser policy of its own.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every answer, errors included (set when the response starts, after any clearing).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                    ? ApiReferencePolicy
                    : ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
