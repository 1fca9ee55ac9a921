using BenchmarkDotNet.Running;
using RuralCommerce.Benchmarks;

// `shop-search` generates a large shop and prints latency percentiles; anything else runs BenchmarkDotNet.
if (args.Length > 0 && args[0] == "shop-search")
{
    return await ShopSearchLoad.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(MoneyBenchmarks).Assembly).Run(args);
return 0;
