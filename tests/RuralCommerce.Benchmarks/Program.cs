using BenchmarkDotNet.Running;
using RuralCommerce.Benchmarks;

// `shop-search`, `order-burst`, `tally-latency`, `training`, `income` and `photo-uploads` measure the host over HTTP and print latency percentiles; anything else runs BenchmarkDotNet.
if (args.Length > 0 && args[0] == "shop-search")
{
    return await ShopSearchLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "order-burst")
{
    return await OrderBurstLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "tally-latency")
{
    return await TallyLatencyLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "training")
{
    return await TrainingLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "photo-uploads")
{
    return await PhotoUploadLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "income")
{
    return await IncomeLoad.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(MoneyBenchmarks).Assembly).Run(args);
return 0;
