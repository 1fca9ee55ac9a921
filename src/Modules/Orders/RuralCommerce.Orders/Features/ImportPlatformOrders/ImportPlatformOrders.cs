using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Orders.Features.ImportPlatformOrders;

/// <summary>What became of one row: Imported, Duplicate, UnknownProduct, ShortOfStock or Invalid (with why).</summary>
internal sealed record ImportRowReport(int Row, string? PlatformOrderNumber, string Outcome, Guid? OrderId, string? Message);

internal sealed record ImportReport(
    string Platform, int Imported, int Duplicates, int UnknownProducts, int ShortOfStock, int Invalid, IReadOnlyList<ImportRowReport> Rows);

/// <summary>
/// A cooperative administrator imports the orders a livestream platform sold and shipped itself, so that stock and the
/// sellers' income stay true: each row a completed, paid order of channel Imported, once per platform order number.
/// </summary>
internal static class ImportPlatformOrdersEndpoint
{
    private const long MaxFileBytes = 2 * 1024 * 1024;

    public static void MapImportPlatformOrders(this IEndpointRouteBuilder group) =>
        group.MapPost(OrdersApiPaths.PlatformImports, HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.CooperativeAdmin)
            // Bearer-token API: no cookie rides along, so there is no cross-site form to guard against.
            .DisableAntiforgery()
            .WithRequestBodyLimit(MaxFileBytes + (64 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportPlatformOrders")
            .WithSummary("Imports a livestream platform's order export (CSV, UTF-8 or GB18030, up to 2 MB and 5,000 rows; form fields \"platform\" and \"file\").")
            .WithDescription("Cooperative administrators. Columns, in order: platform order number, product code (the cooperative's own), " +
                "quantity, amount paid (yuan), buyer's province, buyer's county, paid time (China time unless it carries an offset); a " +
                "header line is skipped. Each row becomes an order of channel Imported, paid at its paid time and completed now (its seller " +
                "is credited), taking its stock like any order. Rows are idempotent by platform order number: uploading the same export " +
                "again imports nothing twice. The answer reports every row: Imported, Duplicate, UnknownProduct, ShortOfStock or Invalid. " +
                "A file that is not UTF-8 or GB18030 text is 400 and nothing is imported.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    internal static async Task<Ok<ImportReport>> HandleAsync(
        Guid cooperativeId, [Microsoft.AspNetCore.Mvc.FromForm] string? platform, IFormFile? file, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var platformName = errors.RequireText(platform, "platform", 30);
        errors.Require(file is { Length: > 0 and <= MaxFileBytes }, "file", "Upload the platform's order export (CSV up to 2 MB) in the form field \"file\".");
        errors.ThrowIfAny();
        using var content = new MemoryStream();
        await file!.CopyToAsync(content, cancellationToken);
        var rows = PlatformExport.Rows(CsvText.Decode(content.ToArray()));

        var products = await db.SellableProducts.AsNoTracking().Where(p => p.CooperativeId == cooperativeId)
            .ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<ImportRowReport>();
        foreach (var row in rows)
        {
            reports.Add(await ImportAsync(db, clock, platformName, row, products, seen, cancellationToken));
        }

        int Count(string outcome) => reports.Count(r => r.Outcome == outcome);
        return TypedResults.Ok(new ImportReport(
            platformName, Count("Imported"), Count("Duplicate"), Count("UnknownProduct"), Count("ShortOfStock"), Count("Invalid"), reports));
    }

    private static async Task<ImportRowReport> ImportAsync(
        OrdersDbContext db, TimeProvider clock, string platform, ExportRow row, Dictionary<string, SellableProduct> products, HashSet<string> seen,
        CancellationToken cancellationToken)
    {
        var cells = row.Cells.Select(c => c.Trim()).ToList();
        var number = cells.Count > 0 && cells[0].Length is > 0 and <= 64 ? cells[0] : null;
        ImportRowReport Report(string outcome, string? message = null, Guid? orderId = null) => new(row.Row, number, outcome, orderId, message);

        if (cells.Count < PlatformExport.Columns || number is null)
        {
            return Report("Invalid", $"A row has {PlatformExport.Columns} columns, the first one the platform's order number (up to 64 characters).");
        }

        if (!seen.Add(number))
        {
            return Report("Duplicate", "The same platform order number appears earlier in this file.");
        }

        var existing = await db.Orders.AsNoTracking().Where(o => o.Platform == platform && o.PlatformOrderNumber == number)
            .Select(o => (Guid?)o.Id.Value).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return Report("Duplicate", "Imported before.", existing);
        }

        if (!products.TryGetValue(cells[1], out var product))
        {
            return Report("UnknownProduct", $"The cooperative has no product with code '{cells[1]}'.");
        }

        var quantityOk = decimal.TryParse(cells[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)
                         && OrderPlacement.IsQuantity(quantity) && product.Suits(quantity);
        var amountOk = decimal.TryParse(cells[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                       && amount is > 0m and <= 10_000_000m && decimal.Round(amount, 2) == amount;
        var paidAt = PlatformExport.PaidAt(cells[6]);
        var now = clock.GetUtcNow();
        if (!quantityOk || !amountOk || cells[4].Length is 0 or > 50 || cells[5].Length is 0 or > 50 || paidAt is null || paidAt > now)
        {
            return Report("Invalid",
                $"Expected a quantity in {product.Unit}s, an amount paid in yuan (two decimals), the province and county, and a paid time " +
                "such as 2026-11-28 20:15:00 that is not in the future.");
        }

        var milli = SellableProduct.ToMilli(quantity);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The platform sold it already: it takes stock even if the shop has delisted it since.
        if (!await OrderPlacement.TryReserveAsync(db, product.Id, milli, onlyListed: false, cancellationToken))
        {
            return Report("ShortOfStock", $"Less than {quantity} {product.Unit} of {product.Code} is left to sell.");
        }

        var line = OrderLine.Imported(product.Id, product.SellerId, product.CooperativeId, product.Name, product.Unit, milli, decimal.ToInt64(amount * 100m));
        var order = Order.Import(new OrderId(NewId.Next(clock)), platform, number, line, cells[4], cells[5], paidAt.Value, now);
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Report("Imported", orderId: order.Id.Value);
        }
        catch (DbUpdateException)
        {
            // The same export uploaded twice at once: the other upload imported this row.
            await transaction.RollbackAsync(CancellationToken.None);
            return Report("Duplicate", "Imported by another upload at the same moment.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
