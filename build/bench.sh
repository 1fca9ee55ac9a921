#!/usr/bin/env bash
# Runs the benchmarks (Release); pass a filter to run some, e.g. build/bench.sh '*Outbox*'. Results: BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/RuralCommerce.Benchmarks -- --filter "${1:-*}"
