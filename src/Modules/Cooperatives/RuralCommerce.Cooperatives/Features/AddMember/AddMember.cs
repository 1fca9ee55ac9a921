using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.AddMember;

internal sealed record AddMemberRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, MaxLength(50)] string? Village,
    [property: RegularExpression(ApiPatterns.IdCard)] string? IdCardNumber,
    IReadOnlyList<string>? Roles);

internal static class AddMemberEndpoint
{
    public static void MapAddMember(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.Members, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithIdempotency<CooperativesDbContext>()
            .WithName("AddMember")
            .WithDescription("Cooperative administrators. A phone number already held by a current member or applicant answers 409. Send an Idempotency-Key when retrying.")
            .WithSummary("An administrator enters a member directly; the member is active at once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<MemberResponse>> HandleAsync(
        Guid cooperativeId, AddMemberRequest request, CooperativesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequireText(request.Name, "name", 100);
        var phone = errors.RequirePhone(request.Phone);
        var village = errors.RequireText(request.Village, "village", 50);
        var idCard = errors.OptionalIdCard(request.IdCardNumber);
        var roles = request.Roles ?? [];
        foreach (var role in roles)
        {
            errors.RequireRole(role, "roles");
        }

        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        await db.EnsurePhoneIsFreeAsync(cooperative.Id, phone, cancellationToken);
        var member = Member.Add(new MemberId(NewId.Next(clock)), cooperative, name, phone, village, idCard, roles, clock.GetUtcNow());
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CooperativesApiPaths.Url(CooperativesApiPaths.Member, cooperativeId, member.Id.Value), member.ToResponse());
    }
}
