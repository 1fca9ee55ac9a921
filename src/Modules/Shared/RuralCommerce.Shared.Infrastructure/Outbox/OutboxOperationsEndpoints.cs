using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Shared.Infrastructure.Persistence;
using RuralCommerce.Shared.Infrastructure.Security;
using RuralCommerce.Shared.Infrastructure.Web;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Outbox;

/// <summary>
/// A parked message. <paramref name="HeldBack"/> counts the later messages of its partition that wait behind it:
/// replaying it releases them in order.
/// </summary>
public sealed record ParkedMessageResponse(
    Guid Id, string Module, string Type, string? PartitionKey, int HeldBack, DateTimeOffset OccurredAt, DateTimeOffset ParkedAt,
    int Deliveries, string? LastError);

/// <summary>Operator view of messages the dispatcher gave up on, and the way to send them again.</summary>
public static class OutboxOperationsEndpoints
{
    public const string Root = "/api/operations/outbox";
    public const string ParkedMessages = "/parked";
    public const string Replay = ParkedMessages + "/{id:guid}/replay";

    /// <summary>The absolute path of <paramref name="route"/> with its parameters filled in order.</summary>
    public static string Url(string route, params object[] values) => Root + Web.RouteTemplate.Fill(route, values);

    public static IEndpointRouteBuilder MapOutboxOperations(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Root)
            .WithTags("Operations")
            .RequireAuthorization(AuthorizationPolicies.PlatformAdmin);

        group.MapGet(ParkedMessages, ListParkedAsync)
            .WithName("ListParkedOutboxMessages")
            .WithSummary("Messages parked after their last failed delivery, newest first, across all modules.")
            .WithDescription("Each names its partition and how many later messages of that partition it holds back; everything else keeps flowing.")
            .ProducesValidationProblem();

        group.MapPost(Replay, ReplayAsync)
            .WithName("ReplayParkedOutboxMessage")
            .WithSummary("Puts a parked message back in its outbox for another round of delivery attempts.")
            .WithDescription("Once it is delivered, the messages of its partition that it held back follow in order.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    internal static async Task<Ok<PagedResult<ParkedMessageResponse>>> ListParkedAsync(
        IServiceProvider services, IEnumerable<ModuleDatabase> databases, [Range(1, int.MaxValue)] int? page, [Range(1, PageRequest.MaxPageSize)] int? pageSize, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize);
        var total = 0;
        var candidates = new List<ParkedMessageResponse>();
        foreach (var database in databases)
        {
            await using var scope = services.CreateAsyncScope();
            var outbox = Outbox(scope, database).AsNoTracking();
            var parked = outbox.Where(m => m.ParkedAt != null);
            total += await parked.CountAsync(cancellationToken);
            // Each module's first (skip + take) rows are enough to build the merged page.
            candidates.AddRange(await parked
                .OrderByDescending(m => m.ParkedAt).ThenBy(m => m.Id)
                .Take(request.Skip + request.PageSize)
                .Select(m => new ParkedMessageResponse(
                    m.Id,
                    database.Module,
                    m.Type,
                    m.PartitionKey,
                    m.PartitionKey == null
                        ? 0
                        : outbox.Count(later => later.PartitionKey == m.PartitionKey && later.ProcessedAt == null && later.OccurredAt > m.OccurredAt),
                    m.OccurredAt,
                    m.ParkedAt!.Value,
                    m.Deliveries,
                    m.LastError))
                .ToListAsync(cancellationToken));
        }

        var items = candidates
            .OrderByDescending(m => m.ParkedAt).ThenBy(m => m.Id)
            .Skip(request.Skip).Take(request.PageSize)
            .ToList();
        return TypedResults.Ok(new PagedResult<ParkedMessageResponse>(items, request.Page, request.PageSize, total));
    }

    internal static async Task<Accepted> ReplayAsync(
        Guid id, IServiceProvider services, IEnumerable<ModuleDatabase> databases, OutboxSignal signal, CancellationToken cancellationToken)
    {
        foreach (var database in databases)
        {
            await using var scope = services.CreateAsyncScope();
            var message = Outbox(scope, database).Where(m => m.Id == id);
            var replayed = await message.Where(m => m.ParkedAt != null).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ParkedAt, (DateTimeOffset?)null).SetProperty(m => m.Deliveries, 0),
                cancellationToken);
            if (replayed == 1)
            {
                signal.Notify();
                return TypedResults.Accepted((string?)null);
            }

            if (await message.AnyAsync(cancellationToken))
            {
                throw new ConflictException("MessageNotParked", $"Outbox message '{id}' is not parked.");
            }
        }

        throw new NotFoundException("Outbox message", id);
    }

    private static DbSet<OutboxMessage> Outbox(AsyncServiceScope scope, ModuleDatabase database) =>
        ((ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).OutboxMessages;
}
