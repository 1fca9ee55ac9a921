using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace RuralCommerce.Shared.Infrastructure.Security;

public static class TokenLifetime
{
    /// <summary>
    /// Checks access tokens' lifetime against <paramref name="clock"/> instead of the machine's time: for a host whose
    /// clock is moved on purpose (the demo's year of history, the story test), whose tokens are issued by that clock.
    /// </summary>
    public static IServiceCollection CheckTokenLifetimeAgainst(this IServiceCollection services, TimeProvider clock) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
            bearer.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                       && (expires is null || expires.Value >= now - parameters.ClockSkew);
            });
}
