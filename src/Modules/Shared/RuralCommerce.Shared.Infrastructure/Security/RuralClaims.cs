using System.Globalization;
using System.Security.Claims;

namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>The claims in a RuralCommerce access token.</summary>
public static class RuralClaims
{
    public const string Subject = "sub";

    /// <summary>The sign-in session (refresh-token family) the access token belongs to.</summary>
    public const string Session = "sid";
    public const string Name = "name";
    public const string Phone = "phone";
    public const string PhoneVerified = "phone_verified";
    public const string Role = "role";

    /// <summary>One per active membership: <c>{cooperativeId}|{memberId}|{Role,Role}</c>.</summary>
    public const string Membership = "coop";
}

/// <summary>An active membership as the caller's token states it.</summary>
public sealed record MembershipClaim(Guid CooperativeId, Guid MemberId, IReadOnlyList<string> Roles)
{
    public string Format() => string.Create(
        CultureInfo.InvariantCulture, $"{CooperativeId:D}|{MemberId:D}|{string.Join(',', Roles)}");

    public static MembershipClaim? TryParse(string value)
    {
        var parts = (value ?? "").Split('|');
        return parts.Length == 3 && Guid.TryParse(parts[0], out var cooperativeId) && Guid.TryParse(parts[1], out var memberId)
            ? new MembershipClaim(cooperativeId, memberId, parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>What modules ask of the caller: who they are and where they belong.</summary>
public static class CallerClaims
{
    public static Guid AccountId(this ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Guid.TryParse(caller.FindFirst(RuralClaims.Subject)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("The caller has no account id; is the endpoint authorised?");
    }

    public static bool IsPlatformAdmin(this ClaimsPrincipal caller) =>
        caller?.HasClaim(RuralClaims.Role, PlatformRoles.Admin) ?? false;

    /// <summary>An independent trainer, or a member with the Trainer role in some cooperative.</summary>
    /// <summary>A platform administrator, or an officer of this county (province and county as the cooperatives registered them).</summary>
    public static bool CanReadCounty(this ClaimsPrincipal caller, string province, string county) =>
        caller.IsPlatformAdmin() || (caller?.HasClaim(RuralClaims.Role, PlatformRoles.CountyOfficerOf(province, county)) ?? false);

    /// <summary>The counties whose report the caller reads as a county officer (province and county).</summary>
    public static IReadOnlyList<(string Province, string County)> CountiesServed(this ClaimsPrincipal caller) =>
        caller?.FindAll(RuralClaims.Role).Select(c => c.Value)
            .Where(v => v.StartsWith(PlatformRoles.CountyOfficer + ":", StringComparison.Ordinal))
            .Select(v => v[(PlatformRoles.CountyOfficer.Length + 1)..].Split('/', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], parts[1])).ToList() ?? [];

    /// <summary>The logistics centres the caller works as an operator.</summary>
    public static IReadOnlyList<Guid> CentresOperated(this ClaimsPrincipal caller) =>
        caller?.FindAll(RuralClaims.Role).Select(c => c.Value)
            .Where(v => v.StartsWith(PlatformRoles.LogisticsOperator + ":", StringComparison.Ordinal))
            .Select(v => Guid.TryParse(v[(PlatformRoles.LogisticsOperator.Length + 1)..], out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToList() ?? [];

    public static bool IsTrainer(this ClaimsPrincipal caller) =>
        caller is not null && (caller.HasClaim(RuralClaims.Role, PlatformRoles.Trainer) || caller.Memberships().Any(m => m.HasRole("Trainer")));

    public static IReadOnlyList<MembershipClaim> Memberships(this ClaimsPrincipal caller) =>
        caller?.FindAll(RuralClaims.Membership).Select(c => MembershipClaim.TryParse(c.Value)).OfType<MembershipClaim>().ToList() ?? [];

    public static MembershipClaim? MembershipIn(this ClaimsPrincipal caller, Guid cooperativeId) =>
        caller.Memberships().FirstOrDefault(m => m.CooperativeId == cooperativeId);

    /// <summary>Platform admins administer every cooperative; members only their own, with the Admin role.</summary>
    public static bool CanAdminister(this ClaimsPrincipal caller, Guid cooperativeId) =>
        caller.IsPlatformAdmin() || (caller.MembershipIn(cooperativeId)?.HasRole("Admin") ?? false);
}
