using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.IncomeTracking.Domain.Ledger;
using RuralCommerce.IncomeTracking.Domain.Months;
using RuralCommerce.IncomeTracking.Persistence;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.TestSupport.IncomeTracking;

/// <summary>A ledger written straight into Income Tracking's database, months in the past (the API posts today only).</summary>
public static class IncomeLedger
{
    /// <summary>This month (China time), as Income Tracking numbers months.</summary>
    public static int CurrentMonth => Month.Of(DateTimeOffset.UtcNow);

    /// <summary>The 15th of <paramref name="month"/>, noon in China.</summary>
    public static DateTimeOffset Posted(int month) => Month.Start(month).AddDays(14).AddHours(4);

    internal static LedgerEntry Sale(
        Guid seller, Guid cooperativeId, int month, long grossFen, long commissionFen = 0, string? reference = null, IncomeSource source = IncomeSource.Shop) =>
        LedgerEntry.Sale(Guid.CreateVersion7(), seller, cooperativeId, source, reference ?? $"seed:{Guid.CreateVersion7()}", grossFen, commissionFen, null, null,
            ChinaTime.Today(Posted(month)), Posted(month));

    internal static async Task SeedIncomeAsync(this ApiFactory factory, Action<IncomeTrackingDbContext> seed)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncomeTrackingDbContext>();
        seed(db);
        await db.SaveChangesAsync();
    }
}
