using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Features.ChangePassword;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Features.FirstAdministrator;
using RuralCommerce.Access.Features.GetMe;
using RuralCommerce.Access.Features.GrantPlatformRole;
using RuralCommerce.Access.Features.RefreshSession;
using RuralCommerce.Access.Features.Register;
using RuralCommerce.Access.Features.RequestVerificationCode;
using RuralCommerce.Access.Features.ResetPassword;
using RuralCommerce.Access.Features.SignIn;
using RuralCommerce.Access.Features.SignInWithCode;
using RuralCommerce.Access.Features.SignOut;
using RuralCommerce.Access.Features.VerifyPhone;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Access;

public static class AccessModule
{
    public const string Name = "Access";

    public static IServiceCollection AddAccessModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<AccessDbContext, SqliteAccessDbContext, SqlServerAccessDbContext>(Name, AccessDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(AccessModule).Assembly);
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<AdministratorExistence>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<OneTimeCodes>();
        services.AddSingleton<CredentialThrottle>();
        services.AddScoped<ISessionRevocations, SessionRevocations>();
        services.AddScoped<PageSessions>();
        services.AddScoped<IPageSessionRefresher>(provider => provider.GetRequiredService<PageSessions>());
        services.AddScoped<IModuleStartupTask, BootstrapPlatformAdmin>();
        services.AddRateLimiter(options => options.AddPolicy(AccessRateLimits.Credentials, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.CredentialRateLimit;
                return new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 };
            })));
        return services;
    }

    public static IEndpointRouteBuilder MapAccessModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(AccessApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapRegister();
        group.MapRequestVerificationCode();
        group.MapVerifyPhone();
        group.MapSignIn();
        group.MapSignInWithCode();
        group.MapResetPassword();
        group.MapRefreshSession();
        group.MapSignOut();
        group.MapChangePassword();
        group.MapGetMe();
        group.MapGrantPlatformRole();
        endpoints.MapSignOutPage();
        return endpoints;
    }
}
