using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Security;

public static class SecurityRegistration
{
    private const string SchemeByPath = "BearerOrCookie";

    /// <summary>JWT bearer validation, the shared policies, and a fallback that makes every endpoint private by default.</summary>
    public static IServiceCollection AddRuralCommerceSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName));
        services.AddSingleton(provider =>
        {
            var jwt = provider.GetRequiredService<IOptions<JwtOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var dataDirectory = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value
                .ResolveDataDirectory(environment.ContentRootPath);
            return new SigningKey(jwt.ResolveSigningKey(environment, dataDirectory));
        });

        // Bearer tokens for /api/*, the page cookie everywhere else: a page never answers with a bare 401, an API never
        // with a redirect.
        var authentication = services.AddAuthentication(SchemeByPath)
            .AddPolicyScheme(SchemeByPath, "Bearer for /api, cookie for pages", policy => policy.ForwardDefaultSelector = PageAuthentication.SchemeFor)
            .AddJwtBearer();
        authentication.AddPageCookie();
        services.AddAntiforgery(options => options.HeaderName = PageAuthentication.AntiforgeryHeader);
        // Configured from the options at first use, so test hosts can override the configuration.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, SigningKey>((bearer, jwt, key) =>
            {
                bearer.MapInboundClaims = false;
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RefuseSignedOutSessionsAsync };
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = RuralClaims.Name,
                    RoleClaimType = RuralClaims.Role,
                };
            });

        services.AddSingleton<IAuthorizationHandler, CooperativeRequirementHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AuthorizationPolicies.PlatformAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.Admin))
            .AddPolicy(AuthorizationPolicies.CooperativeMember, policy => policy.RequireAuthenticatedUser().AddRequirements(new CooperativeRequirement(role: null)))
            .AddPolicy(AuthorizationPolicies.CooperativeAdmin, policy => policy.RequireAuthenticatedUser().AddRequirements(new CooperativeRequirement("Admin")))
            .AddPolicy(AuthorizationPolicies.CooperativeSeller, policy => policy.RequireAuthenticatedUser().AddRequirements(new CooperativeRequirement("Seller")))
            .AddPolicy(AuthorizationPolicies.CooperativeLivestreamHost, policy => policy.RequireAuthenticatedUser().AddRequirements(new CooperativeRequirement("LivestreamHost")))
            .AddPolicy(AuthorizationPolicies.Trainer, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.IsTrainer()));
        return services;
    }

    /// <summary>An access token of a session that was signed out stops working at once, not when it expires.</summary>
    private static async Task RefuseSignedOutSessionsAsync(TokenValidatedContext context)
    {
        var revocations = context.HttpContext.RequestServices.GetService<ISessionRevocations>();
        if (revocations is not null
            && Guid.TryParse(context.Principal?.FindFirst(RuralClaims.Session)?.Value, out var sessionId)
            && await revocations.IsRevokedAsync(sessionId, context.HttpContext.RequestAborted))
        {
            context.Fail("The session was signed out.");
        }
    }
}

public static class RoutingRejections
{
    /// <summary>
    /// Routing answers a body of the wrong type (415) or a wrong method (405) with built-in endpoints that carry no
    /// metadata. Authentication comes first everywhere: a caller without a token learns nothing about an operation
    /// that needs one (401). An operation anyone may call (registration, sign-in) tells anyone the real mistake at once
    /// (the status-code pages add the problem body). Runs after authentication, before authorization.
    /// </summary>
    public static IApplicationBuilder UseRoutingRejectionsAfterAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is not { Metadata.Count: 0, DisplayName: "415 HTTP Unsupported Media Type" or "405 HTTP Method Not Supported" })
            {
                await next(context);
                return;
            }

            if (context.User.Identity?.IsAuthenticated != true && !AnyoneMayCall(context))
            {
                await context.ChallengeAsync();
                return;
            }

            context.Response.StatusCode = endpoint.DisplayName.StartsWith("415", StringComparison.Ordinal)
                ? StatusCodes.Status415UnsupportedMediaType
                : StatusCodes.Status405MethodNotAllowed;
        });

    // Whether an operation at this path is open to anonymous callers (the rejection does not say which operation it
    // stands for: every endpoint whose route matches the path is asked).
    private static bool AnyoneMayCall(HttpContext context)
    {
        var sources = context.RequestServices.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText ?? ""), new RouteValueDictionary());
            if (matcher.TryMatch(context.Request.Path, new RouteValueDictionary()))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Answers whether a sign-in session was ended (sign-out, password change, token theft). Access implements it.</summary>
public interface ISessionRevocations
{
    Task<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken);
}

/// <summary>The key access tokens are signed and validated with.</summary>
public sealed record SigningKey(SymmetricSecurityKey Key);
