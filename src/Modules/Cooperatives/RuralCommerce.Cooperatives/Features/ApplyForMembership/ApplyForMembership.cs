using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.ApplyForMembership;

internal sealed record ApplyForMembershipRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, MaxLength(50)] string? Village,
    [property: RegularExpression(ApiPatterns.IdCard)] string? IdCardNumber);

internal static class ApplyForMembershipEndpoint
{
    public static void MapApplyForMembership(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.Applications, HandleAsync)
            .WithName("ApplyForMembership")
            .WithDescription("Any signed-in person whose phone is verified (409 otherwise); an administrator approves or rejects the application.")
            .WithSummary("A signed-in person with a verified phone applies to join; the application carries their account and phone.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<MemberResponse>> HandleAsync(
        Guid cooperativeId, ApplyForMembershipRequest request, ClaimsPrincipal caller, CooperativesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequireText(request.Name, "name", 100);
        var village = errors.RequireText(request.Village, "village", 50);
        var idCard = errors.OptionalIdCard(request.IdCardNumber);
        errors.ThrowIfAny();

        if (caller.FindFirst(RuralClaims.PhoneVerified)?.Value != "true"
            || !PhoneNumber.TryParse(caller.FindFirst(RuralClaims.Phone)?.Value, out var phone))
        {
            throw new ConflictException("PhoneNotVerified", "Verify your phone number before applying to a cooperative.");
        }

        var cooperative = await db.FindCooperativeAsync(cooperativeId, cancellationToken);
        await db.EnsurePhoneIsFreeAsync(cooperative.Id, phone, cancellationToken);
        var member = Member.Apply(new MemberId(NewId.Next(clock)), cooperative, name, phone, village, idCard, caller.AccountId(), clock.GetUtcNow());
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CooperativesApiPaths.Url(CooperativesApiPaths.Member, cooperativeId, member.Id.Value), member.ToResponse());
    }
}
