using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Orders;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Orders.Domain.Sellables;
using RuralCommerce.Orders.Features.Common;
using RuralCommerce.Orders.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Benchmarks;

/// <summary>
/// What #13's target hinges on: the CPU of one placement's writes on Orders' real SQLite schema (migrated), as the host
/// does them with EF Core (a pooled context, the domain's order, its outbox rows, one conditional update, one save)
/// against the same rows written with prepared statements on one open connection, one transaction per order or one
/// for 32 orders (a group commit). The idempotency key's row is left out of all three alike.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PlacementWriteBenchmarks
{
    private const int Group = 32;
    private static readonly Guid Product = Guid.CreateVersion7();
    private static readonly Guid Seller = Guid.CreateVersion7();
    private static readonly Guid Cooperative = Guid.CreateVersion7();
    private static readonly Guid Buyer = Guid.CreateVersion7();
    private BenchmarkDatabases _databases = null!;
    private ServiceProvider _services = null!;
    private SqliteConnection _connection = null!;
    private Dictionary<string, SqliteCommand> _statements = null!;
    private string _placedPayload = "";
    private string _reservedPayload = "";

    [GlobalSetup]
    public void Setup()
    {
        _databases = new BenchmarkDatabases((services, configuration) => services.AddOrdersModule(configuration));
        _services = _databases.Services;
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var product = SellableProduct.Known(Product, Cooperative);
            product.Describe(Seller, "MJ-1", "孝感米酒 500ml", "Bottle", 4550);
            product.SetListed(true);
            product.ApplyStockAdjustment(1, 100_000_000m);
            db.SellableProducts.Add(product);
            db.SaveChanges();

            // The real events' payloads, so the raw inserts write as much as the host's.
            db.Orders.Add(NewOrder());
            db.PrepareWrites();
            var payloads = db.OutboxMessages.Local.Select(m => m.Payload).ToList();
            (_placedPayload, _reservedPayload) = (payloads[0], payloads[^1]);
            db.ChangeTracker.Clear();
            _connection = new SqliteConnection(db.Database.GetConnectionString());
        }

        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            // As the host's connections are set up (SqliteBusyTimeoutInterceptor): WAL without a sync per commit.
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
        }

        _statements = new Dictionary<string, SqliteCommand>
        {
            ["reserve"] = Prepare("""UPDATE "SellableProducts" SET "ReservedMilli" = "ReservedMilli" + $milli WHERE "Id" = $id AND "Listed" AND "DeclaredMilli" - "ReservedMilli" >= $milli"""),
            ["order"] = Prepare("""
                INSERT INTO "Orders" ("Id", "BuyerAccountId", "Channel", "PaymentMethod", "PlacedAt", "Status", "TotalFen", "Version", "County", "AddressDetail", "RecipientPhone", "Province", "Recipient", "Township", "Village")
                VALUES ($id, $buyer, 'Shop', 'Alipay', $at, 'Placed', 4550, 0, '孝南区', '朱湖村 3 组 12 号', '13800001111', '湖北省', '王芳', '朱湖镇', '朱湖村')
                """),
            ["line"] = Prepare("""
                INSERT INTO "OrderLines" ("CooperativeId", "LineTotalFen", "OnLivestreamOffer", "OrderId", "ProductId", "ProductName", "QuantityMilli", "SellerId", "Unit", "UnitPriceFen")
                VALUES ($cooperative, 4550, 0, $order, $product, '孝感米酒 500ml', 1000, $seller, 'Bottle', 4550)
                """),
            ["transition"] = Prepare("""INSERT INTO "OrderTransitions" ("Id", "ActorAccountId", "At", "OrderId", "Status") VALUES ($id, $buyer, $at, $order, 'Placed')"""),
            ["shipment"] = Prepare("""
                INSERT INTO "Shipments" ("Id", "AmountFen", "CooperativeId", "OrderId", "SellerId", "Status")
                VALUES ($id, 4550, $cooperative, $order, $seller, 'ToPack')
                """),
            ["outbox"] = Prepare("""
                INSERT INTO "OutboxMessages" ("Id", "Deliveries", "OccurredAt", "PartitionKey", "Payload", "Type")
                VALUES ($id, 0, $at, $partition, $payload, $type)
                """),
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _connection.Dispose();
        _databases.Dispose();
    }

    /// <summary>The host's way: the order built by the domain, its outbox rows staged, one reservation, one save, one commit.</summary>
    [Benchmark(Baseline = true)]
    public async Task EfCorePerOrder()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await db.Database.OpenConnectionAsync();
        db.Orders.Add(NewOrder());
        db.PrepareWrites();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await OrderPlacement.TryReserveAsync(db, Product, 1000, onlyListed: true, CancellationToken.None))
        {
            throw new InvalidOperationException("Out of stock.");
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The same rows by prepared statements on one open connection, one transaction per order.</summary>
    [Benchmark]
    public void PreparedPerOrder()
    {
        using var transaction = _connection.BeginTransaction();
        WriteOrder(transaction);
        transaction.Commit();
    }

    /// <summary>The same, 32 orders to one transaction (a group commit); the time is per order.</summary>
    [Benchmark(OperationsPerInvoke = Group)]
    public void PreparedGroupCommit()
    {
        using var transaction = _connection.BeginTransaction();
        for (var i = 0; i < Group; i++)
        {
            WriteOrder(transaction);
        }

        transaction.Commit();
    }

    private void WriteOrder(SqliteTransaction transaction)
    {
        var order = Guid.CreateVersion7().ToString().ToUpperInvariant();
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (Run("reserve", transaction, ("$milli", 1000L), ("$id", Product.ToString().ToUpperInvariant())) != 1)
        {
            throw new InvalidOperationException("Out of stock.");
        }

        Run("order", transaction, ("$id", order), ("$buyer", Buyer.ToString()), ("$at", at));
        Run("line", transaction, ("$cooperative", Cooperative.ToString()), ("$order", order), ("$product", Product.ToString()), ("$seller", Seller.ToString()));
        Run("transition", transaction, ("$id", Guid.CreateVersion7().ToString()), ("$buyer", Buyer.ToString()), ("$at", at), ("$order", order));
        Run("shipment", transaction, ("$id", Guid.CreateVersion7().ToString()), ("$cooperative", Cooperative.ToString()), ("$order", order), ("$seller", Seller.ToString()));
        Run("outbox", transaction, ("$id", Guid.CreateVersion7().ToString()), ("$at", at), ("$partition", order), ("$payload", _placedPayload), ("$type", "OrderPlaced"));
        Run("outbox", transaction, ("$id", Guid.CreateVersion7().ToString()), ("$at", at), ("$partition", Product.ToString()), ("$payload", _reservedPayload), ("$type", "StockReserved"));
    }

    private int Run(string statement, SqliteTransaction transaction, params (string Name, object Value)[] values)
    {
        var command = _statements[statement];
        command.Transaction = transaction;
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }

        return command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, ""));
        }

        command.Prepare();
        return command;
    }

    private static Order NewOrder() => Order.Place(
        new OrderId(Guid.CreateVersion7()), Buyer,
        new DeliveryAddress("王芳", PhoneNumber.Parse("13800001111"), "湖北省", "孝南区", "朱湖镇", "朱湖村", "朱湖村 3 组 12 号"),
        PaymentMethod.Alipay, [new OrderLine(Product, Seller, Cooperative, "孝感米酒 500ml", "Bottle", 1000, 4550, false)], null, DateTimeOffset.UtcNow);
}
