using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Features.Common;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Cooperatives.Features.RegisterCooperative;

internal sealed record FirstAdminRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? Phone,
    [property: Required, MaxLength(50)] string? Village,
    [property: RegularExpression(ApiPatterns.IdCard)] string? IdCardNumber = null);

internal sealed record RegisterCooperativeRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, RegularExpression(ApiPatterns.CreditCode)] string? CreditCode,
    [property: Required, MaxLength(50)] string? Province,
    [property: Required, MaxLength(50)] string? County,
    [property: Required, MaxLength(50)] string? Township,
    [property: Required, MaxLength(50)] string? Village,
    [property: Required, MaxLength(32), RegularExpression(ApiPatterns.Phone)] string? ContactPhone,
    [property: Required, MaxLength(100)] string? ServiceCentre,
    [property: Required] DateOnly? FoundedOn,
    [property: Required, Range(0.01, 10_000_000_000)] decimal? SharePrice,
    [property: Required] FirstAdminRequest? FirstAdmin);

internal static class RegisterCooperativeEndpoint
{
    public static void MapRegisterCooperative(this IEndpointRouteBuilder group) =>
        group.MapPost(CooperativesApiPaths.Cooperatives, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("RegisterCooperative")
            .WithSummary("Registers a cooperative and appoints its first administrator (a platform administrator's task).")
            .WithDescription("Platform administrators only. The unified social credit code (18 characters, GB 32100 check character) must be new (409 otherwise). The first administrator joins at once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<CooperativeResponse>> HandleAsync(
        RegisterCooperativeRequest request, CooperativesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequireText(request.Name, "name", 100);
        errors.Require(UnifiedSocialCreditCode.TryParse(request.CreditCode, out var creditCode), "creditCode",
            "Enter the 18-character unified social credit code exactly as on the business licence.");
        var address = new Address(
            errors.RequireText(request.Province, "province", 50), errors.RequireText(request.County, "county", 50),
            errors.RequireText(request.Township, "township", 50), errors.RequireText(request.Village, "village", 50));
        var contactPhone = errors.RequirePhone(request.ContactPhone, "contactPhone");
        var serviceCentre = errors.RequireText(request.ServiceCentre, "serviceCentre", 100);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        errors.Require(request.FoundedOn is { } founded && founded <= today, "foundedOn", "foundedOn is required and cannot be in the future.");
        var sharePrice = errors.RequireMoney(request.SharePrice, "sharePrice");
        var admin = request.FirstAdmin ?? new FirstAdminRequest(null, null, null, null);
        var adminName = errors.RequireText(admin.Name, "firstAdmin.name", 100);
        var adminPhone = errors.RequirePhone(admin.Phone, "firstAdmin.phone");
        var adminVillage = errors.RequireText(admin.Village, "firstAdmin.village", 50);
        var adminIdCard = errors.OptionalIdCard(admin.IdCardNumber, "firstAdmin.idCardNumber");
        errors.ThrowIfAny();

        if (await db.Cooperatives.AnyAsync(c => c.CreditCode == creditCode, cancellationToken))
        {
            throw new ConflictException("CreditCodeTaken", "A cooperative with this credit code is already registered.");
        }

        var now = clock.GetUtcNow();
        var cooperative = Cooperative.Register(
            new CooperativeId(NewId.Next(clock)), name, creditCode, address, contactPhone, serviceCentre,
            request.FoundedOn!.Value, sharePrice, now);
        var firstAdmin = Member.Add(
            new MemberId(NewId.Next(clock)), cooperative, adminName, adminPhone, adminVillage, adminIdCard, [MemberRoles.Admin], now);
        db.Cooperatives.Add(cooperative);
        db.Members.Add(firstAdmin);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CooperativesApiPaths.Url(CooperativesApiPaths.Cooperative, cooperative.Id.Value), CooperativeResponse.From(cooperative));
    }
}
