using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralCommerce.Access.Domain.Accounts;
using RuralCommerce.Access.Features.Common;
using RuralCommerce.Access.Persistence;
using RuralCommerce.Shared.Infrastructure;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Access.Features.FirstAdministrator;

/// <summary>
/// On a fresh install, creates the first platform administrator from <c>Access:BootstrapAdmin</c> (or promotes the
/// account with that phone). Once any platform administrator exists it does nothing.
/// </summary>
internal sealed partial class BootstrapPlatformAdmin(ILogger<BootstrapPlatformAdmin> logger) : IModuleStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AccessDbContext>();
        var admins = await db.Accounts.AsNoTracking().WithPlatformRole(PlatformRoles.Admin).AnyAsync(cancellationToken);
        if (admins)
        {
            return;
        }

        var settings = services.GetRequiredService<IOptions<AccessOptions>>().Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(settings.Phone))
        {
            LogNoAdministrator();
            return;
        }

        var errors = new ValidationErrors();
        var phone = errors.RequirePhone(settings.Phone, "Access:BootstrapAdmin:Phone");
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        ThrowIfInvalid(errors);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Phone == phone, cancellationToken);
        if (account is null)
        {
            PasswordPolicy.Check(settings.Password, phone, "Access:BootstrapAdmin:Password", errors);
            ThrowIfInvalid(errors);

            var hasher = services.GetRequiredService<IPasswordHasher<Account>>();
            account = Account.Register(new AccountId(NewId.Next(clock)), phone, settings.DisplayName, "", now);
            account.ChangePassword(hasher.HashPassword(account, settings.Password!));
            db.Accounts.Add(account);
        }

        account.VerifyPhone(now);
        account.GrantPlatformRole(PlatformRoles.Admin);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(phone.Masked);
    }

    private static void ThrowIfInvalid(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException($"Access:BootstrapAdmin is invalid: {errors}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No platform administrator exists. Set Access:BootstrapAdmin:Phone and Access:BootstrapAdmin:Password to create one at start-up.")]
    private partial void LogNoAdministrator();

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform administrator {Phone} is ready.")]
    private partial void LogCreated(string phone);
}
