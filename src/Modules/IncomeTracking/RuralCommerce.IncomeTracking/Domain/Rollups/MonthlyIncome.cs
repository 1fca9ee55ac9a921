using RuralCommerce.IncomeTracking.Domain.Ledger;

namespace RuralCommerce.IncomeTracking.Domain.Rollups;

/// <summary>
/// A seller's ledger summed for one posting month, by source: kept up to date in the transaction that posts each
/// entry, so gains and reports read one row per seller and month instead of the ledger. <see cref="IncomeFen"/> is
/// every source but subsidies, which reports show beside income.
/// </summary>
internal sealed class MonthlyIncome
{
    private MonthlyIncome()
    {
    }

    public Guid SellerId { get; private set; }

    public int Month { get; private set; }

    public Guid CooperativeId { get; private set; }

    public long ShopFen { get; private set; }

    public long LivestreamFen { get; private set; }

    public long ImportedFen { get; private set; }

    public long OfflineSaleFen { get; private set; }

    public long WagesFen { get; private set; }

    public long OtherFen { get; private set; }

    public long SubsidyFen { get; private set; }

    public long IncomeFen { get; private set; }

    /// <summary>Two posts for one seller and month at once: the second save fails and is retried, never lost.</summary>
    public int Version { get; private set; }

    public static MonthlyIncome Start(Guid sellerId, int month, Guid cooperativeId) =>
        new() { SellerId = sellerId, Month = month, CooperativeId = cooperativeId };

    public void Add(IncomeSource source, long amountFen)
    {
        switch (source)
        {
            case IncomeSource.Shop: ShopFen += amountFen; break;
            case IncomeSource.Livestream: LivestreamFen += amountFen; break;
            case IncomeSource.Imported: ImportedFen += amountFen; break;
            case IncomeSource.OfflineSale: OfflineSaleFen += amountFen; break;
            case IncomeSource.Wages: WagesFen += amountFen; break;
            case IncomeSource.Other: OtherFen += amountFen; break;
            case IncomeSource.Subsidy: SubsidyFen += amountFen; break;
            default: throw new ArgumentOutOfRangeException(nameof(source), source, null);
        }

        if (source != IncomeSource.Subsidy)
        {
            IncomeFen += amountFen;
        }

        Version++;
    }
}

/// <summary>What one livestream event earned one cooperative's sellers in one posting month: the report's top events.</summary>
internal sealed class LivestreamIncome
{
    private LivestreamIncome()
    {
    }

    public Guid LivestreamId { get; private set; }

    public int Month { get; private set; }

    public Guid CooperativeId { get; private set; }

    public long AmountFen { get; private set; }

    public int Version { get; private set; }

    public static LivestreamIncome Start(Guid livestreamId, int month, Guid cooperativeId) =>
        new() { LivestreamId = livestreamId, Month = month, CooperativeId = cooperativeId };

    public void Add(long amountFen)
    {
        AmountFen += amountFen;
        Version++;
    }
}

/// <summary>What one product earned its seller (net of commission) in one posting month: the report's top products.</summary>
internal sealed class ProductIncome
{
    private ProductIncome()
    {
    }

    public Guid ProductId { get; private set; }

    public int Month { get; private set; }

    public Guid CooperativeId { get; private set; }

    /// <summary>The name it was sold under (the last sale's, when a seller renames it).</summary>
    public string ProductName { get; private set; } = "";

    public long AmountFen { get; private set; }

    public int Version { get; private set; }

    public static ProductIncome Start(Guid productId, int month, Guid cooperativeId) =>
        new() { ProductId = productId, Month = month, CooperativeId = cooperativeId };

    public void Add(string productName, long amountFen)
    {
        ProductName = productName;
        AmountFen += amountFen;
        Version++;
    }
}
