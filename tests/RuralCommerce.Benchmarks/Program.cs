using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RuralCommerce.Benchmarks.MoneyBenchmarks).Assembly).Run(args);
