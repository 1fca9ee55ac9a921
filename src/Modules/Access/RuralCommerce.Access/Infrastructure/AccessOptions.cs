namespace RuralCommerce.Access.Infrastructure;

/// <summary>The <c>Access</c> configuration section.</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Access";

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A phone that lost the answer to a refresh may retry with the same token this long after it was used, and gets
    /// a new pair instead of being treated as a thief.
    /// </summary>
    public TimeSpan RefreshTokenReuseGrace { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan VerificationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan VerificationCodeCooldown { get; set; } = TimeSpan.FromSeconds(60);

    public RateLimitOptions CredentialRateLimit { get; set; } = new();

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

/// <summary>Requests per client address to sign-in, registration, verification and refresh.</summary>
internal sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The first platform administrator, created at start-up when none exists. Nothing is built in.</summary>
internal sealed class BootstrapAdminOptions
{
    public string? Phone { get; set; }

    public string DisplayName { get; set; } = "Platform administrator";

    public string? Password { get; set; }
}
