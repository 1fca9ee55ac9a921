using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RuralCommerce.Shared.Infrastructure.Persistence;

namespace RuralCommerce.Shared.Infrastructure.Security;

public static class SecurityRegistration
{
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

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Configured from the options at first use, so test hosts can override the configuration.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, SigningKey>((bearer, jwt, key) =>
            {
                bearer.MapInboundClaims = false;
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
            .AddPolicy(AuthorizationPolicies.CooperativeMember, policy => policy.RequireAuthenticatedUser().AddRequirements(new CooperativeRequirement(adminOnly: false)))
            .AddPolicy(AuthorizationPolicies.CooperativeAdmin, policy => policy.RequireAuthenticatedUser().AddRequirements(new CooperativeRequirement(adminOnly: true)));
        return services;
    }
}

/// <summary>The key access tokens are signed and validated with.</summary>
public sealed record SigningKey(SymmetricSecurityKey Key);
