using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralCommerce.Catalog.Domain.Batches;
using RuralCommerce.Catalog.Features.Common;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Catalog.Features.TraceBatch;

internal sealed record TraceGrower(string Name, string Village);

/// <summary>A training certificate of the grower; <see cref="VerificationPath"/> is its public page.</summary>
internal sealed record TraceCertificate(string CourseTitle, string Topic, DateOnly CompletedOn, string VerificationPath);

internal sealed record TraceCooperative(Guid CooperativeId, string Name, string Province, string County, string Village);

internal sealed record TraceProduct(Guid ProductId, string Code, string Name, string Category, string Unit, NetContentDto? NetContent, bool Listed, string? PhotoUrl);

/// <summary>What a buyer learns by scanning a bag: who grew it, where, when, and what it is.</summary>
internal sealed record TraceResponse(
    string BatchCode, DateOnly HarvestedOn, string Village, decimal QuantityProduced, string? Note, TraceProduct Product, TraceGrower Grower,
    TraceCooperative Cooperative, IReadOnlyList<TraceCertificate> GrowerCertificates);

internal static class TraceBatchEndpoints
{
    public static void MapTraceBatch(this IEndpointRouteBuilder group)
    {
        group.MapGet(CatalogApiPaths.Trace, GetAsync)
            .AllowAnonymous()
            .WithName("TraceBatch")
            .WithSummary("A batch's public trace record (溯源): the grower, their cooperative and village, the harvest date, the product.")
            .WithDescription("Anyone, without signing in. The batch code is matched whatever its case. The grower's name is as the register names them now; " +
                "growerCertificates are the training courses the grower completed (revoked ones left out), each with its public verification page.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(CatalogApiPaths.TraceQrPng, QrPngAsync)
            .AllowAnonymous()
            .WithName("TraceQrPng")
            .WithSummary("The batch's QR code as a PNG: it opens the public trace page.")
            .WithDescription("Anyone. The code holds the trace page's absolute address (Catalog:PublicBaseUrl, else the address the request came to).")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(CatalogApiPaths.TraceQrSvg, QrSvgAsync)
            .AllowAnonymous()
            .WithName("TraceQrSvg")
            .WithSummary("The batch's QR code as SVG, for printing labels at any size.")
            .WithDescription("Anyone. The same address as the PNG.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<TraceResponse>> GetAsync(Guid cooperativeId, string batchCode, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var batch = await db.FindBatchAsync(cooperativeId, batchCode, cancellationToken);
        var product = await db.Products.Include(p => p.Photos).SingleAsync(p => p.Id == batch.ProductId, cancellationToken);
        var grower = await db.Members.SingleAsync(m => m.Id == batch.SellerId, cancellationToken);
        var cooperative = await db.Cooperatives.SingleAsync(c => c.Id == batch.CooperativeId, cancellationToken);
        var certificates = await db.GrowerCertificates.AsNoTracking().Where(c => c.MemberId == batch.SellerId && !c.Revoked)
            .OrderByDescending(c => c.CompletedOn).Take(10).ToListAsync(cancellationToken);
        var photo = product.Photos.FirstOrDefault();
        return TypedResults.Ok(new TraceResponse(
            batch.Code, batch.HarvestedOn, batch.Village, batch.QuantityProduced, batch.Note,
            new TraceProduct(product.Id.Value, product.Code, product.Name, product.Category.ToString(), product.Unit.ToString(), product.NetContent.ToDto(),
                product.Status == Domain.Products.ProductStatus.Listed, photo is null ? null : PhotoUrls.Thumbnail(photo.ContentHash)),
            new TraceGrower(grower.Name, grower.Village),
            new TraceCooperative(cooperative.Id, cooperative.Name, cooperative.Province, cooperative.County, cooperative.Village),
            certificates.Select(c => new TraceCertificate(c.CourseTitle, c.Topic, c.CompletedOn, $"/certificates/{c.Code}")).ToList()));
    }

    internal static async Task<IResult> QrPngAsync(
        Guid cooperativeId, string batchCode, HttpContext http, CatalogDbContext db, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        var batch = await db.FindBatchAsync(cooperativeId, batchCode, cancellationToken);
        return TypedResults.File(PublicLinks.QrPng(TraceUrl(http, options.Value, batch)), "image/png");
    }

    internal static async Task<IResult> QrSvgAsync(
        Guid cooperativeId, string batchCode, HttpContext http, CatalogDbContext db, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        var batch = await db.FindBatchAsync(cooperativeId, batchCode, cancellationToken);
        return TypedResults.Text(PublicLinks.QrSvg(TraceUrl(http, options.Value, batch)), "image/svg+xml");
    }

    /// <summary>The absolute address of the batch's trace page, on the configured public address or the one the request came to.</summary>
    public static string TraceUrl(HttpContext http, CatalogOptions options, Batch batch) =>
        PublicLinks.Absolute(http, options.PublicBaseUrl, BatchResponses.TracePagePath(batch.CooperativeId, batch.Code));

    private static async Task<Batch> FindBatchAsync(this CatalogDbContext db, Guid cooperativeId, string batchCode, CancellationToken cancellationToken)
    {
        var key = Batch.KeyOf(batchCode);
        return await db.Batches.SingleOrDefaultAsync(b => b.CooperativeId == cooperativeId && b.CodeKey == key, cancellationToken)
            ?? throw new NotFoundException("Batch", batchCode);
    }
}
