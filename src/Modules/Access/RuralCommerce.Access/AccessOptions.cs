namespace RuralCommerce.Access;

/// <summary>The <c>Access</c> configuration section.</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>Wrong passwords or codes in a row, for one number from one client address, before that pair is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The first lock-out of a number from an address; each further one doubles, up to <see cref="MaxLockoutDuration"/>.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLockoutDuration { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A phone that lost the answer to a refresh may retry with the same token this long after it was used, and gets
    /// a new pair instead of being treated as a thief.
    /// </summary>
    public TimeSpan RefreshTokenReuseGrace { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan VerificationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Minimum gap between two codes texted to one number.</summary>
    public TimeSpan VerificationCodeCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes texted to one number, from anywhere (an SMS costs money and annoys its owner).</summary>
    public RateLimitOptions CodesPerPhone { get; set; } = new() { PermitLimit = 6, Window = TimeSpan.FromHours(1) };

    /// <summary>Wrong passwords and codes for one number from all addresses together (a botnet guessing one account).</summary>
    public RateLimitOptions FailuresPerPhone { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(15) };

    /// <summary>
    /// The backstop per client address over every credential endpoint. Generous on purpose: a village hall's Wi-Fi
    /// or a mobile carrier puts many people behind one address; the limits per number do the real work.
    /// </summary>
    public RateLimitOptions CredentialRateLimit { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

/// <summary>At most <see cref="PermitLimit"/> in each <see cref="Window"/>.</summary>
internal sealed class RateLimitOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The first platform administrator, created at start-up when none exists. Nothing is built in.</summary>
internal sealed class BootstrapAdminOptions
{
    public string? Phone { get; set; }

    public string DisplayName { get; set; } = "平台管理员";

    public string? Password { get; set; }
}
