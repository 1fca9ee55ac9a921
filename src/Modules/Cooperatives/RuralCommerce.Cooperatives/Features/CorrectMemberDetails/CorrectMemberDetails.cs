using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives.Features.CorrectMemberDetails;

internal sealed record CorrectMemberDetailsRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, MaxLength(50)] string? Village,
    [property: RegularExpression(ApiPatterns.IdCard)] string? IdCardNumber);

internal static class CorrectMemberDetailsEndpoint
{
    public static void MapCorrectMemberDetails(this IEndpointRouteBuilder group) =>
        group.MapPut(CooperativesApiPaths.MemberDetails, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            .WithName("CorrectMemberDetails")
            .WithSummary("Corrects a member's name, village or ID card number. The phone number identifies the member and cannot change here.")
            .WithDescription("Cooperative administrators, for a member of any status (applicant, active, suspended, departed): the register must be right. A dissolved cooperative answers 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<MemberResponse>> HandleAsync(
        Guid cooperativeId, Guid memberId, CorrectMemberDetailsRequest request, CooperativesDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequireText(request.Name, "name", 100);
        var village = errors.RequireText(request.Village, "village", 50);
        var idCard = errors.OptionalIdCard(request.IdCardNumber);
        errors.ThrowIfAny();

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        var member = await db.FindMemberAsync(cooperativeId, memberId, cancellationToken);
        member.CorrectDetails(cooperative, name, village, idCard);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(member.ToResponse());
    }
}
