using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Catalog.Features.AdjustStock;
using RuralCommerce.Catalog.Features.ChangeProductStatus;
using RuralCommerce.Catalog.Features.CreateProduct;
using RuralCommerce.Catalog.Features.EditProduct;
using RuralCommerce.Catalog.Features.FeatureProducts;
using RuralCommerce.Catalog.Features.GetProduct;
using RuralCommerce.Catalog.Features.GetShopProduct;
using RuralCommerce.Catalog.Features.GetStorefront;
using RuralCommerce.Catalog.Features.ListBatches;
using RuralCommerce.Catalog.Features.ListLivestreams;
using RuralCommerce.Catalog.Features.ListProducts;
using RuralCommerce.Catalog.Features.ListStockAdjustments;
using RuralCommerce.Catalog.Features.ProductPhotos;
using RuralCommerce.Catalog.Features.RegisterBatch;
using RuralCommerce.Catalog.Features.RunLivestream;
using RuralCommerce.Catalog.Features.ScheduleLivestream;
using RuralCommerce.Catalog.Features.SearchShop;
using RuralCommerce.Catalog.Features.ShopLivestreams;
using RuralCommerce.Catalog.Features.TraceBatch;
using RuralCommerce.Catalog.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Catalog;

public static class CatalogModule
{
    public const string Name = "Catalog";

    public static IServiceCollection AddCatalogModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<CatalogDbContext, SqliteCatalogDbContext, SqlServerCatalogDbContext>(
            Name,
            CatalogDbContext.SchemaName,
            // The shop counts matches up to a cap (Take without OrderBy, on purpose: counting never sorts).
            warnings => warnings.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        services.AddIntegrationEventHandlersFrom(typeof(CatalogModule).Assembly);
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => o.MaxListPrice > 0m && o.MaxPhotoBytes > 0, "Catalog:MaxListPrice and Catalog:MaxPhotoBytes must be positive.")
            .ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(CatalogApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapCreateProduct();
        group.MapEditProduct();
        group.MapGetProduct();
        group.MapListProducts();
        group.MapChangeProductStatus();
        group.MapAdjustStock();
        group.MapListStockAdjustments();
        group.MapProductPhotos();
        group.MapRegisterBatch();
        group.MapListBatches();
        group.MapTraceBatch();
        group.MapSearchShop();
        group.MapGetShopProduct();
        group.MapGetStorefront();
        group.MapScheduleLivestream();
        group.MapRunLivestream();
        group.MapFeatureProducts();
        group.MapListLivestreams();
        group.MapShopLivestreams();
        return endpoints;
    }
}
