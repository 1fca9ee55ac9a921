using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Cooperatives.Features.AddMember;
using RuralCommerce.Cooperatives.Features.ApplyForMembership;
using RuralCommerce.Cooperatives.Features.BuyBackShares;
using RuralCommerce.Cooperatives.Features.ChangeCooperativeStatus;
using RuralCommerce.Cooperatives.Features.ChangeMemberRoles;
using RuralCommerce.Cooperatives.Features.ChangeMemberStatus;
using RuralCommerce.Cooperatives.Features.ChargeDues;
using RuralCommerce.Cooperatives.Features.CorrectMemberDetails;
using RuralCommerce.Cooperatives.Features.DecideApplication;
using RuralCommerce.Cooperatives.Features.DissolveCooperative;
using RuralCommerce.Cooperatives.Features.ExportMembers;
using RuralCommerce.Cooperatives.Features.GetCooperative;
using RuralCommerce.Cooperatives.Features.GetMember;
using RuralCommerce.Cooperatives.Features.GetOverview;
using RuralCommerce.Cooperatives.Features.ListArrears;
using RuralCommerce.Cooperatives.Features.ListCooperatives;
using RuralCommerce.Cooperatives.Features.ListMembers;
using RuralCommerce.Cooperatives.Features.MyCooperatives;
using RuralCommerce.Cooperatives.Features.PayDues;
using RuralCommerce.Cooperatives.Features.RegisterCooperative;
using RuralCommerce.Cooperatives.Features.SubscribeShares;
using RuralCommerce.Cooperatives.Features.TransferShares;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Cooperatives;

public static class CooperativesModule
{
    public const string Name = "Cooperatives";

    public static IServiceCollection AddCooperativesModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDatabase<CooperativesDbContext, SqliteCooperativesDbContext, SqlServerCooperativesDbContext>(Name, CooperativesDbContext.SchemaName);
        services.AddIntegrationEventHandlersFrom(typeof(CooperativesModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCooperativesModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(CooperativesApiPaths.Root).WithTags(Name);
        group.MapModuleHealth(Name);
        group.MapRegisterCooperative();
        group.MapListCooperatives();
        group.MapGetCooperative();
        group.MapChangeCooperativeStatus();
        group.MapDissolveCooperative();
        group.MapGetOverview();
        group.MapApplyForMembership();
        group.MapAddMember();
        group.MapDecideApplication();
        group.MapChangeMemberStatus();
        group.MapChangeMemberRoles();
        group.MapListMembers();
        group.MapExportMembers();
        group.MapGetMember();
        group.MapCorrectMemberDetails();
        group.MapSubscribeShares();
        group.MapTransferShares();
        group.MapBuyBackShares();
        group.MapChargeDues();
        group.MapPayDues();
        group.MapListArrears();
        group.MapMyCooperatives();
        endpoints.MapExportMembersPage();
        return endpoints;
    }
}
