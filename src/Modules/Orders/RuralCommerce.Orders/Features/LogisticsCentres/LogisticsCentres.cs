using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Orders.Domain.Logistics;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.LogisticsCentres;

internal sealed record RegisterCentreRequest(
    [property: Required, MaxLength(100)] string? Name,
    [property: Required, MaxLength(50)] string? Province,
    [property: Required, MaxLength(50)] string? County,
    [property: Required, MaxLength(200)] string? Address);

internal sealed record LogisticsCentreResponse(
    Guid CentreId, string Name, string Province, string County, string Address, IReadOnlyList<Guid> OperatorAccountIds, DateTimeOffset RegisteredAt);

/// <summary>Platform administrators register the county logistics centres and appoint their operators.</summary>
internal static class LogisticsCentresEndpoints
{
    public static void MapLogisticsCentres(this IEndpointRouteBuilder group)
    {
        group.MapPost(OrdersApiPaths.LogisticsCentres, RegisterAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("RegisterLogisticsCentre")
            .WithSummary("Registers a county logistics centre (县级物流配送中心); the county's sellers ship through it by default.")
            .WithDescription("Platform administrators. One centre per county: a second one for the same province and county is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(OrdersApiPaths.LogisticsCentres, ListAsync)
            .RequireAuthorization()
            .WithName("ListLogisticsCentres")
            .WithSummary("Every logistics centre, by province and county: sellers pick one when their county has none.")
            .WithDescription("Any signed-in user. Each centre lists its operators' account ids.");
        group.MapPut(OrdersApiPaths.CentreOperator, AppointAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("AppointCentreOperator")
            .WithSummary("Appoints an account as an operator of the centre: it works the centre's queue. Appointing twice changes nothing.")
            .WithDescription("Platform administrators. An unknown centre is 404, and so is an account that does not exist or has not " +
                "proved its phone yet; a centre has at most 50 operators (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete(OrdersApiPaths.CentreOperator, DismissAsync)
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin)
            .WithName("DismissCentreOperator")
            .WithSummary("Dismisses an operator of the centre.")
            .WithDescription("Platform administrators. Dismissing an account that is not an operator changes nothing; an unknown centre is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Created<LogisticsCentreResponse>> RegisterAsync(
        RegisterCentreRequest request, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequireText(request.Name, "name", 100);
        var province = errors.RequireText(request.Province, "province", 50);
        var county = errors.RequireText(request.County, "county", 50);
        var address = errors.RequireText(request.Address, "address", 200);
        errors.ThrowIfAny();
        if (await db.LogisticsCentres.AnyAsync(c => c.Province == province && c.County == county, cancellationToken))
        {
            throw new ConflictException("CentreExists", $"{province} {county} already has a logistics centre.");
        }

        var centre = LogisticsCentre.Register(NewId.Next(clock), name, province, county, address, clock.GetUtcNow());
        db.LogisticsCentres.Add(centre);
        // Two registrations at once meet at the unique county index (409).
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(OrdersApiPaths.Url(OrdersApiPaths.LogisticsCentre, centre.Id), ToResponse(centre));
    }

    internal static async Task<Ok<List<LogisticsCentreResponse>>> ListAsync(OrdersDbContext db, CancellationToken cancellationToken)
    {
        var centres = await db.LogisticsCentres.AsNoTracking().OrderBy(c => c.Province).ThenBy(c => c.County).ToListAsync(cancellationToken);
        return TypedResults.Ok(centres.Select(ToResponse).ToList());
    }

    internal static async Task<Ok<LogisticsCentreResponse>> AppointAsync(
        Guid centreId, Guid accountId, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var centre = await FindAsync(db, centreId, cancellationToken);
        if (!await db.VerifiedAccounts.AnyAsync(a => a.AccountId == accountId, cancellationToken))
        {
            throw new NotFoundException("Account", accountId);
        }

        if (!centre.IsOperator(accountId))
        {
            centre.Appoint(accountId, clock.GetUtcNow());
            db.Publish(new CentreOperatorAppointedIntegrationEvent(centreId, accountId));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(centre));
    }

    internal static async Task<Ok<LogisticsCentreResponse>> DismissAsync(Guid centreId, Guid accountId, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var centre = await FindAsync(db, centreId, cancellationToken);
        if (centre.IsOperator(accountId))
        {
            centre.Dismiss(accountId);
            db.Publish(new CentreOperatorDismissedIntegrationEvent(centreId, accountId));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(centre));
    }

    private static async Task<LogisticsCentre> FindAsync(OrdersDbContext db, Guid centreId, CancellationToken cancellationToken) =>
        await db.LogisticsCentres.SingleOrDefaultAsync(c => c.Id == centreId, cancellationToken) ?? throw new NotFoundException("LogisticsCentre", centreId);

    private static LogisticsCentreResponse ToResponse(LogisticsCentre c) =>
        new(c.Id, c.Name, c.Province, c.County, c.Address, c.Operators.Select(o => o.AccountId).ToList(), c.RegisteredAt);
}
