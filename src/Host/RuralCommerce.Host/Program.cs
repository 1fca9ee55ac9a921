using Microsoft.Extensions.Options;
using RuralCommerce.Access;
using RuralCommerce.Catalog;
using RuralCommerce.Cooperatives;
using RuralCommerce.Host;
using RuralCommerce.Host.Demo;
using RuralCommerce.Host.OpenApi;
using RuralCommerce.IncomeTracking;
using RuralCommerce.Orders;
using RuralCommerce.Shared.Infrastructure;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Observability;
using RuralCommerce.Shared.Infrastructure.Operations;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training;
using Scalar.AspNetCore;

// `backup`, `restore` and `check-config` run instead of serving (README, Running in production); `--demo` fills a fresh
// data folder with the platform's story first (README, Try it).
var command = HostCommand.Parse(args);
var (demo, hostArguments) = DemoMode.Parse(command?.HostArguments ?? args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = hostArguments,
    EnvironmentName = LaunchEnvironment.Default(hostArguments),
});
demo |= builder.Configuration.GetValue<bool>("Demo:Enabled");
if (demo)
{
    DemoMode.UseOwnDataFolderUnlessChosen(builder.Configuration);
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddHostTelemetry();

builder.Services.AddSharedInfrastructure(builder.Configuration);
builder.Services.AddRuralCommerceSecurity(builder.Configuration);
builder.Services.AddHostOpenApi();

// The modules, explicitly and once: adding a module is one line here (see the README's "Adding a module").
HostModule[] modules =
[
    new(CooperativesModule.Name, CooperativesModule.AddCooperativesModule, CooperativesModule.MapCooperativesModule, typeof(CooperativesModule).Assembly),
    new(AccessModule.Name, AccessModule.AddAccessModule, AccessModule.MapAccessModule, typeof(AccessModule).Assembly),
    new(CatalogModule.Name, CatalogModule.AddCatalogModule, CatalogModule.MapCatalogModule, typeof(CatalogModule).Assembly),
    new(TrainingModule.Name, TrainingModule.AddTrainingModule, TrainingModule.MapTrainingModule, typeof(TrainingModule).Assembly),
    new(OrdersModule.Name, OrdersModule.AddOrdersModule, OrdersModule.MapOrdersModule, typeof(OrdersModule).Assembly),
    new(IncomeTrackingModule.Name, IncomeTrackingModule.AddIncomeTrackingModule, IncomeTrackingModule.MapIncomeTrackingModule, typeof(IncomeTrackingModule).Assembly),
];
foreach (var module in modules)
{
    module.AddServices(builder.Services, builder.Configuration);
}

builder.Services.AddWebApp(modules);
var demoSecrets = demo ? DemoSecrets.Generate() : null;
if (demoSecrets is not null)
{
    try
    {
        DemoMode.Configure(builder, demoSecrets);
    }
    catch (DemoRefusedException refused)
    {
        Console.Error.WriteLine(refused.Message);
        return 1;
    }
}

var app = builder.Build();
if (command is not null)
{
    return await command.RunAsync(app.Services, Console.Out, CancellationToken.None);
}

// The first line says which environment this is: a Production start must never quietly be a Development one.
app.Logger.LogInformation("RuralCommerce is starting in the {Environment} environment (content root {ContentRoot}).",
    app.Environment.EnvironmentName, app.Environment.ContentRootPath);

// Settings that would make the host unsafe (no SMS gateway outside Development, …) stop it before it touches data.
app.Services.GetRequiredService<IStartupValidator>().Validate();
if (!app.Environment.IsDevelopment())
{
    await app.Services.GetRequiredService<ConfigurationCheck>().EnsureValidAsync(CancellationToken.None);
}

await app.Services.InitializeModulesAsync();

// The client's real address first (from a configured proxy only), then routing, as the host does by default: the body
// limit and idempotency read the endpoint's metadata.
app.UseForwardedHeadersFromKnownProxies();
app.UseRouting();
app.UseMetricsForScrapersOnly();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler();
app.UseRequestBodyLimit();
app.UseIdempotencyKeys();
app.UseStatusCodePagesPerAudience();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseRoutingRejectionsAfterAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHostHealth();
app.MapMetrics();
app.MapOutboxOperations();

// Every limit the OpenAPI document declares is checked before a handler runs (RequestValidation).
var api = app.MapGroup("").ValidateDeclaredLimits();
foreach (var module in modules)
{
    module.MapEndpoints(api);
}

app.MapWebApp();

if (demoSecrets is null)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
await DemoMode.FillAsync(app, demoSecrets);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
