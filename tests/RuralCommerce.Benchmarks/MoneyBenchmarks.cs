using BenchmarkDotNet.Attributes;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Benchmarks;

/// <summary>Money math on the hot path of order totals and ledger splits.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MoneyBenchmarks
{
    private readonly Money _unitPrice = Money.Yuan(18.80m);

    [Benchmark]
    public Money OrderLineTotal() => _unitPrice.Multiply(3.5m, MidpointRounding.AwayFromZero) + _unitPrice;

    [Benchmark]
    public long RoundTripThroughFen() => Money.FromFen(_unitPrice.ToFen()).ToFen();

    [Benchmark]
    public IReadOnlyList<Money> SplitAmongThreeSellers() => _unitPrice.Allocate(3);
}
