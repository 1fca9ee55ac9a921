using RuralCommerce.Cooperatives.Features.AddMember;
using RuralCommerce.Cooperatives.Features.ApplyForMembership;
using RuralCommerce.Cooperatives.Features.ChangeMemberRoles;
using RuralCommerce.Cooperatives.Features.ChargeDues;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Features.CorrectMemberDetails;
using RuralCommerce.Cooperatives.Features.DissolveCooperative;
using RuralCommerce.Cooperatives.Features.GetOverview;
using RuralCommerce.Cooperatives.Features.ListArrears;
using RuralCommerce.Cooperatives.Features.ListCooperatives;
using RuralCommerce.Cooperatives.Features.PayDues;
using RuralCommerce.Cooperatives.Features.RegisterCooperative;
using RuralCommerce.Cooperatives.Features.TransferShares;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.TestSupport;
using Paths = RuralCommerce.Cooperatives.CooperativesApiPaths;

namespace RuralCommerce.TestSupport.Cooperatives;

/// <summary>
/// The Cooperatives API as one signed-in person uses it: one method per endpoint, each route filled from the constants
/// the endpoint is mapped with, each answer read into the module's own response type.
/// </summary>
internal sealed class CooperativesApi(HttpClient http) : ApiClient(http)
{
    public Task<Reply<CooperativeResponse>> RegisterCooperative(RegisterCooperativeRequest request) =>
        PostAsync<CooperativeResponse>(Paths.Url(Paths.Cooperatives), request);

    public Task<Reply<PagedResult<CooperativeSummary>>> ListCooperatives(string query = "") =>
        GetAsync<PagedResult<CooperativeSummary>>(Paths.Url(Paths.Cooperatives) + query);

    public Task<Reply<CooperativeResponse>> GetCooperative(Guid cooperativeId) =>
        GetAsync<CooperativeResponse>(Paths.Url(Paths.Cooperative, cooperativeId));

    public Task<Reply<CooperativeResponse>> SuspendCooperative(Guid cooperativeId) =>
        PostAsync<CooperativeResponse>(Paths.Url(Paths.SuspendCooperative, cooperativeId));

    public Task<Reply<CooperativeResponse>> ReinstateCooperative(Guid cooperativeId) =>
        PostAsync<CooperativeResponse>(Paths.Url(Paths.ReinstateCooperative, cooperativeId));

    public Task<Reply<CooperativeResponse>> DissolveCooperative(Guid cooperativeId, string? confirmName) =>
        PostAsync<CooperativeResponse>(Paths.Url(Paths.DissolveCooperative, cooperativeId), new DissolveCooperativeRequest(confirmName));

    public Task<Reply<DissolutionPreview>> Dissolution(Guid cooperativeId) =>
        GetAsync<DissolutionPreview>(Paths.Url(Paths.Dissolution, cooperativeId));

    /// <summary>Dissolves the cooperative, typing its name as the page asks.</summary>
    public async Task<Reply<CooperativeResponse>> DissolveCooperative(Guid cooperativeId) =>
        await DissolveCooperative(cooperativeId, (await Dissolution(cooperativeId)).Body.Name);

    public Task<Reply<OverviewResponse>> Overview(Guid cooperativeId) =>
        GetAsync<OverviewResponse>(Paths.Url(Paths.Overview, cooperativeId));

    public Task<Reply<MemberResponse>> Apply(Guid cooperativeId, ApplyForMembershipRequest application) =>
        PostAsync<MemberResponse>(Paths.Url(Paths.Applications, cooperativeId), application);

    public Task<Reply<MemberResponse>> AddMember(Guid cooperativeId, AddMemberRequest farmer, string? idempotencyKey = null) =>
        PostAsync<MemberResponse>(Paths.Url(Paths.Members, cooperativeId), farmer, idempotencyKey);

    public Task<Reply<MemberResponse>> Approve(Guid cooperativeId, Guid memberId) => Act(Paths.ApproveApplication, cooperativeId, memberId);

    public Task<Reply<MemberResponse>> Reject(Guid cooperativeId, Guid memberId) => Act(Paths.RejectApplication, cooperativeId, memberId);

    public Task<Reply<MemberResponse>> Suspend(Guid cooperativeId, Guid memberId) => Act(Paths.SuspendMember, cooperativeId, memberId);

    public Task<Reply<MemberResponse>> Reinstate(Guid cooperativeId, Guid memberId) => Act(Paths.ReinstateMember, cooperativeId, memberId);

    public Task<Reply<MemberResponse>> Leave(Guid cooperativeId, Guid memberId) => Act(Paths.LeaveCooperative, cooperativeId, memberId);

    public Task<Reply<MemberResponse>> GrantRole(Guid cooperativeId, Guid memberId, string role) =>
        PostAsync<MemberResponse>(Paths.Url(Paths.MemberRoles, cooperativeId, memberId), new GrantRoleRequest(role));

    public Task<Reply<MemberResponse>> RevokeRole(Guid cooperativeId, Guid memberId, string role) =>
        DeleteAsync<MemberResponse>(Paths.Url(Paths.MemberRole, cooperativeId, memberId, role));

    /// <summary>The register; <paramref name="query"/> is the query string with its '?', e.g. <c>?q=1234</c>.</summary>
    public Task<Reply<PagedResult<MemberResponse>>> ListMembers(Guid cooperativeId, string query = "") =>
        GetAsync<PagedResult<MemberResponse>>(Paths.Url(Paths.Members, cooperativeId) + query);

    /// <summary>The register as CSV (the raw answer: its body is not JSON).</summary>
    public Task<HttpResponseMessage> ExportMembers(Guid cooperativeId, string query = "") =>
        Http.GetAsync(new Uri(Paths.Url(Paths.MembersExport, cooperativeId) + query, UriKind.Relative));

    public Task<Reply<MemberResponse>> GetMember(Guid cooperativeId, Guid memberId) =>
        GetAsync<MemberResponse>(Paths.Url(Paths.Member, cooperativeId, memberId));

    public Task<Reply<MemberResponse>> CorrectDetails(Guid cooperativeId, Guid memberId, CorrectMemberDetailsRequest details) =>
        PutAsync<MemberResponse>(Paths.Url(Paths.MemberDetails, cooperativeId, memberId), details);

    public Task<Reply<ShareMovementResponse>> SubscribeShares(Guid cooperativeId, Guid memberId, int count, string? idempotencyKey = null) =>
        PostAsync<ShareMovementResponse>(Paths.Url(Paths.MemberShares, cooperativeId, memberId), new ShareCountRequest(count), idempotencyKey);

    public Task<Reply<ShareMovementResponse>> BuyBackShares(Guid cooperativeId, Guid memberId, int count) =>
        PostAsync<ShareMovementResponse>(Paths.Url(Paths.MemberShareBuyBacks, cooperativeId, memberId), new ShareCountRequest(count));

    public Task<Reply<TransferSharesResponse>> TransferShares(Guid cooperativeId, Guid fromMemberId, Guid toMemberId, int count, string? idempotencyKey = null) =>
        PostAsync<TransferSharesResponse>(Paths.Url(Paths.ShareTransfers, cooperativeId), new TransferSharesRequest(fromMemberId, toMemberId, count), idempotencyKey);

    public Task<Reply<ChargeDuesResponse>> ChargeDues(Guid cooperativeId, int year, decimal amount, IReadOnlyList<Guid>? memberIds = null) =>
        PostAsync<ChargeDuesResponse>(Paths.Url(Paths.DuesCharges, cooperativeId, year), new ChargeDuesRequest(amount, memberIds));

    public Task<Reply<DuesResponse>> PayDues(Guid cooperativeId, Guid memberId, int year) =>
        PostAsync<DuesResponse>(Paths.Url(Paths.MemberDuesPayment, cooperativeId, memberId, year));

    public Task<Reply<ArrearsResponse>> Arrears(Guid cooperativeId, string query = "") =>
        GetAsync<ArrearsResponse>(Paths.Url(Paths.Arrears, cooperativeId) + query);

    private Task<Reply<MemberResponse>> Act(string route, Guid cooperativeId, Guid memberId) =>
        PostAsync<MemberResponse>(Paths.Url(route, cooperativeId, memberId));
}
