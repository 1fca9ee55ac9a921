using Microsoft.Extensions.Options;
using RuralCommerce.Access;
using RuralCommerce.Catalog;
using RuralCommerce.Cooperatives;
using RuralCommerce.Host;
using RuralCommerce.IncomeTracking;
using RuralCommerce.Orders;
using RuralCommerce.Shared.Infrastructure;
using RuralCommerce.Shared.Infrastructure.Idempotency;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.Training;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddSharedInfrastructure(builder.Configuration);
builder.Services.AddRuralCommerceSecurity(builder.Configuration);
builder.Services.AddHostOpenApi();

// The modules, explicitly: adding one is a line here and a line below.
builder.Services
    .AddCooperativesModule(builder.Configuration)
    .AddAccessModule(builder.Configuration)
    .AddCatalogModule(builder.Configuration)
    .AddTrainingModule(builder.Configuration)
    .AddOrdersModule(builder.Configuration)
    .AddIncomeTrackingModule(builder.Configuration);

var app = builder.Build();

// Settings that would make the host unsafe (no SMS gateway outside Development, …) stop it before it touches data.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.Services.InitializeModulesAsync();

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler();
app.UseRequestBodyLimit();
app.UseIdempotencyKeys();
app.UseStatusCodePages();
app.UseRoutingRejectionsBeforeAuthentication();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHostHealth();
app.MapOutboxOperations();

app.MapCooperativesModule();
app.MapAccessModule();
app.MapCatalogModule();
app.MapTrainingModule();
app.MapOrdersModule();
app.MapIncomeTrackingModule();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
