using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Buyers;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.AddressBook;

internal sealed record SaveAddressRequest([property: Required] DeliveryRequest? Address, bool IsDefault = false);

internal sealed record SavedAddressResponse(Guid AddressId, DeliveryResponse Address, bool IsDefault);

internal static class AddressBookEndpoints
{
    public static void MapAddressBook(this IEndpointRouteBuilder group)
    {
        group.MapGet(OrdersApiPaths.Addresses, ListAsync).RequireAuthorization().WithName("ListAddresses")
            .WithSummary("The caller's saved delivery addresses, the default first; masked (pick one by its id).")
            .WithDescription("Signed-in buyers. The recipient, phone and street detail are masked here; read one address to see it whole.");
        group.MapPost(OrdersApiPaths.Addresses, SaveAsync).RequireAuthorization().WithName("SaveAddress")
            .WithSummary("Saves a delivery address in the caller's address book.")
            .WithDescription($"At most {SavedAddress.MaxPerBuyer} addresses (409 `AddressBookFull`). The first address, or one saved with " +
                "`isDefault`, becomes the default.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(OrdersApiPaths.Address, GetAsync).RequireAuthorization().WithName("GetAddress")
            .WithSummary("One of the caller's addresses, whole.").WithDescription("Another buyer's address is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut(OrdersApiPaths.Address, ChangeAsync).RequireAuthorization().WithName("ChangeAddress")
            .WithSummary("Corrects one of the caller's addresses.").WithDescription("Orders already placed keep the address they were placed with.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete(OrdersApiPaths.Address, DeleteAsync).RequireAuthorization().WithName("DeleteAddress")
            .WithSummary("Removes one of the caller's addresses.").WithDescription("When it was the default, the newest remaining one becomes the default.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<IReadOnlyList<SavedAddressResponse>>> ListAsync(ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var addresses = await db.SavedAddresses.AsNoTracking().Where(a => a.AccountId == buyer)
            .OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.SavedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SavedAddressResponse>>(
            addresses.Select(a => new SavedAddressResponse(a.Id, OrderResponses.Masked(a.Address), a.IsDefault)).ToList());
    }

    internal static async Task<Created<SavedAddressResponse>> SaveAsync(
        SaveAddressRequest request, ClaimsPrincipal caller, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var buyer = caller.AccountId();
        var address = Validate(request);
        var mine = await db.SavedAddresses.Where(a => a.AccountId == buyer).ToListAsync(cancellationToken);
        if (mine.Count >= SavedAddress.MaxPerBuyer)
        {
            throw new ConflictException("AddressBookFull", $"An address book holds at most {SavedAddress.MaxPerBuyer} addresses: remove one first.");
        }

        var saved = SavedAddress.Save(NewId.Next(clock), buyer, address, clock.GetUtcNow());
        db.SavedAddresses.Add(saved);
        if (request.IsDefault || mine.Count == 0)
        {
            MakeDefault(mine.Append(saved), saved);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(OrdersApiPaths.Url(OrdersApiPaths.Address, saved.Id), ToResponse(saved));
    }

    internal static async Task<Ok<SavedAddressResponse>> GetAsync(Guid addressId, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await FindAsync(db, caller.AccountId(), addressId, cancellationToken)));

    internal static async Task<Ok<SavedAddressResponse>> ChangeAsync(
        Guid addressId, SaveAddressRequest request, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var address = Validate(request);
        var saved = await FindAsync(db, caller.AccountId(), addressId, cancellationToken);
        saved.Change(address);
        if (request.IsDefault)
        {
            MakeDefault(await db.SavedAddresses.Where(a => a.AccountId == saved.AccountId).ToListAsync(cancellationToken), saved);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(saved));
    }

    internal static async Task<NoContent> DeleteAsync(Guid addressId, ClaimsPrincipal caller, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var saved = await FindAsync(db, caller.AccountId(), addressId, cancellationToken);
        db.SavedAddresses.Remove(saved);
        if (saved.IsDefault)
        {
            var next = await db.SavedAddresses.Where(a => a.AccountId == saved.AccountId && a.Id != saved.Id)
                .OrderByDescending(a => a.SavedAt).FirstOrDefaultAsync(cancellationToken);
            next?.MarkDefault(true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static DeliveryAddress Validate(SaveAddressRequest request)
    {
        var errors = new ValidationErrors();
        errors.Require(request.Address is not null, "address", "address is required.");
        var address = DeliveryChoice.Validate(request.Address, errors, "address");
        errors.ThrowIfAny();
        return address!;
    }

    private static void MakeDefault(IEnumerable<SavedAddress> addresses, SavedAddress chosen)
    {
        foreach (var address in addresses)
        {
            address.MarkDefault(address == chosen);
        }
    }

    private static async Task<SavedAddress> FindAsync(OrdersDbContext db, Guid buyer, Guid addressId, CancellationToken cancellationToken) =>
        await db.SavedAddresses.SingleOrDefaultAsync(a => a.Id == addressId && a.AccountId == buyer, cancellationToken)
        ?? throw new NotFoundException("Address", addressId);

    private static SavedAddressResponse ToResponse(SavedAddress a) => new(a.Id, OrderResponses.Full(a.Address), a.IsDefault);
}
