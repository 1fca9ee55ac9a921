using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.IncomeTracking.Features.Baselines;
using RuralCommerce.IncomeTracking.Features.CommissionRates;
using RuralCommerce.IncomeTracking.Features.CountyReport;
using RuralCommerce.IncomeTracking.Features.Exports;
using RuralCommerce.IncomeTracking.Features.Gains;
using RuralCommerce.IncomeTracking.Features.ImpactReport;
using RuralCommerce.IncomeTracking.Features.Ledger;
using RuralCommerce.IncomeTracking.Features.ManualEntries;
using RuralCommerce.IncomeTracking.Features.Statements;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.IncomeTracking;

public static class IncomeTrackingModule
{
    public const string Name = "IncomeTracking";

    public static IServiceCollection AddIncomeTrackingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<IncomeTrackingDbContext, SqliteIncomeTrackingDbContext, SqlServerIncomeTrackingDbContext>(Name, IncomeTrackingDbContext.SchemaName);
        services.AddOptions<IncomeTrackingOptions>().Bind(configuration.GetSection(IncomeTrackingOptions.SectionName))
            .Validate(o => o.GainThresholdPercent >= 0 && o.TrainingEffectWindowMonths is >= 1 and <= 24, "IncomeTracking options out of range.")
            .ValidateOnStart();
        services.AddIntegrationEventHandlersFrom(typeof(IncomeTrackingModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapIncomeTrackingModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(IncomeTrackingApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapCommissionRates();
        group.MapLedger();
        group.MapManualEntries();
        group.MapGains();
        group.MapBaselines();
        group.MapStatements();
        group.MapImpactReport();
        group.MapCountyReport();
        group.MapExports();
        endpoints.MapExportPages();
        return endpoints;
    }
}
