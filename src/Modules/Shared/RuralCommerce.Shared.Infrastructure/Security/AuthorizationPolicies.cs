namespace RuralCommerce.Shared.Infrastructure.Security;

/// <summary>Policy names shared by all modules, so no endpoint invents its own spelling.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Platform operators: register cooperatives, see and replay parked messages.</summary>
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>An active member of the cooperative named by the <c>{cooperativeId}</c> route value (or a platform admin).</summary>
    public const string CooperativeMember = "CooperativeMember";

    /// <summary>An active member with the Admin role in the <c>{cooperativeId}</c> cooperative (or a platform admin).</summary>
    public const string CooperativeAdmin = "CooperativeAdmin";

    /// <summary>An active member with the Seller role in the <c>{cooperativeId}</c> cooperative.</summary>
    public const string CooperativeSeller = "CooperativeSeller";

    /// <summary>An active member with the LivestreamHost role in the <c>{cooperativeId}</c> cooperative.</summary>
    public const string CooperativeLivestreamHost = "CooperativeLivestreamHost";

    /// <summary>A trainer: an independent one (platform role <c>trainer</c>) or a member with the Trainer role in any cooperative.</summary>
    public const string Trainer = "Trainer";

    /// <summary>The route value the cooperative policies read.</summary>
    public const string CooperativeRouteValue = "cooperativeId";
}

public static class PlatformRoles
{
    public const string Admin = "platform-admin";

    /// <summary>An independent trainer, who publishes courses without belonging to a cooperative.</summary>
    public const string Trainer = "trainer";

    /// <summary>
    /// A county e-commerce service centre's officer, who reads the county report of one county. Held as
    /// <see cref="CountyOfficerOf"/>: county names repeat across provinces, so the role names both.
    /// </summary>
    public const string CountyOfficer = "county-officer";

    public static IReadOnlyList<string> All { get; } = [Admin, Trainer, CountyOfficer];

    /// <summary>The role an officer of the county holds, e.g. <c>county-officer:湖北省/孝南区</c>.</summary>
    public static string CountyOfficerOf(string province, string county) => $"{CountyOfficer}:{province.Trim()}/{county.Trim()}";

    /// <summary>
    /// An operator of one logistics centre. Not granted by hand (so not in <see cref="All"/>): Access follows the
    /// appointments Orders makes, so that pages can lead an operator to the centre's queue.
    /// </summary>
    public const string LogisticsOperator = "logistics-operator";

    public static string LogisticsOperatorOf(Guid centreId) => $"{LogisticsOperator}:{centreId:D}";
}
