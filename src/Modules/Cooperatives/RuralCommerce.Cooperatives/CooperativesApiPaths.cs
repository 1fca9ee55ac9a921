using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives;

/// <summary>
/// Every route the module maps, relative to <see cref="Root"/>. The endpoints map these constants and the HTTP tests
/// fill them (<see cref="Url"/>), so a route cannot change in one place only.
/// </summary>
internal static class CooperativesApiPaths
{
    public const string Root = "/api/cooperatives";

    public const string Cooperatives = "/";
    public const string Cooperative = "/{cooperativeId:guid}";
    public const string Mine = "/mine";
    public const string Overview = Cooperative + "/overview";
    public const string Applications = Cooperative + "/applications";
    public const string Members = Cooperative + "/members";
    public const string MembersExport = Members + "/export";
    public const string Member = Members + "/{memberId:guid}";
    public const string MemberDetails = Member + "/details";
    public const string MemberRoles = Member + "/roles";
    public const string MemberRole = MemberRoles + "/{role}";
    public const string MemberShares = Member + "/shares";
    public const string MemberShareBuyBacks = Member + "/share-buy-backs";
    public const string MemberDuesPayment = Member + "/dues/{year:int}/payment";
    public const string ShareTransfers = Cooperative + "/share-transfers";
    public const string DuesCharges = Cooperative + "/dues/{year:int}/charges";
    public const string Arrears = Cooperative + "/dues/arrears";

    public const string ApproveApplication = Member + "/approve";
    public const string RejectApplication = Member + "/reject";
    public const string SuspendMember = Member + "/suspend";
    public const string ReinstateMember = Member + "/reinstate";
    public const string LeaveCooperative = Member + "/leave";
    public const string SuspendCooperative = Cooperative + "/suspend";
    public const string ReinstateCooperative = Cooperative + "/reinstate";
    public const string DissolveCooperative = Cooperative + "/dissolve";
    public const string Dissolution = Cooperative + "/dissolution";

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + RouteTemplate.Fill(route, values);
}
