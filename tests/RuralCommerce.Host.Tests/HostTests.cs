using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Persistence;

using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

public sealed class HostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly IReadOnlyList<string> Modules = SolutionModules.Names;

    public static TheoryData<string> ModuleRoutes => new(SolutionModules.Names.Select(SolutionModules.RouteSegment));

    [Fact]
    public async Task Ready_checks_every_module_database_and_outbox()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        foreach (var module in Modules)
        {
            Assert.Equal("Healthy", checks[$"{module}.database"]);
            Assert.Contains($"{module}.outbox", checks.Keys);
        }
    }

    [Fact]
    public async Task Start_up_creates_one_migrated_SQLite_file_per_module()
    {
        await factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        var files = Directory.GetFiles(factory.DataDirectory, "*.db").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Modules.Select(m => $"{m.ToLowerInvariant()}.db").Order(), files);
        foreach (var database in factory.Services.GetServices<ModuleDatabase>())
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
            Assert.Equal("wal", await JournalModeAsync(context));
        }
    }

    [Fact]
    public async Task Live_answers_without_touching_the_databases()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_host_runs_exactly_the_modules_of_the_solution()
    {
        var registered = factory.Services.GetServices<ModuleDatabase>().Select(d => d.Module).Order();

        Assert.Equal(Modules.Order(), registered);
        Assert.Equal(6, Modules.Count);
    }

    [Theory]
    [MemberData(nameof(ModuleRoutes))]
    public async Task Each_module_reports_its_own_health(string route)
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/{route}/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_its_bearer_scheme()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/operations/outbox/parked", paths);
        Assert.Contains("/api/operations/outbox/parked/{id}/replay", paths);
        Assert.Contains("/api/cooperatives/health", paths);
        Assert.Contains("/api/access/sign-in", paths);
        Assert.Contains("/api/cooperatives/{cooperativeId}/members", paths);
        var subscribe = root.GetProperty("paths").GetProperty("/api/cooperatives/{cooperativeId}/members/{memberId}/shares").GetProperty("post");
        Assert.Contains(subscribe.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("Bearer", subscribe.GetProperty("security")[0].EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/scalar/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SQL_Server_migrations_script_every_module_into_its_own_schema()
    {
        foreach (var database in factory.Services.GetServices<ModuleDatabase>())
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.SqlServerContextType);

            var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

            Assert.Contains($"CREATE TABLE [{database.Schema}].[OutboxMessages]", script, StringComparison.Ordinal);
            Assert.Contains($"CREATE TABLE [{database.Schema}].[InboxMessages]", script, StringComparison.Ordinal);
            Assert.Contains($"[{database.Schema}].[__EFMigrationsHistory]", script, StringComparison.Ordinal);
            Assert.DoesNotContain("CREATE TABLE [OutboxMessages]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_document()
    {
        var response = await factory.CreateAdminClient().GetAsync(new Uri("/api/nowhere", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    private static async Task<string?> JournalModeAsync(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string?)await command.ExecuteScalarAsync();
    }
}
