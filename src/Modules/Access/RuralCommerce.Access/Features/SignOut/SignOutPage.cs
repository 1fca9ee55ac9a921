using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Access.Features.Common;

namespace RuralCommerce.Access.Features.SignOut;

/// <summary>The layout's sign-out button: ends the cookie and the Access session behind it, then goes home.</summary>
internal static class SignOutPageEndpoint
{
    public const string Path = "/signout";

    public static void MapSignOutPage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (HttpContext http, PageSessions sessions, IAntiforgery antiforgery) =>
            {
                // A form post without its token (another site's form) signs nobody out.
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.BadRequest();
                }

                await sessions.SignOutAsync(http, http.RequestAborted);
                return Results.LocalRedirect("/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
