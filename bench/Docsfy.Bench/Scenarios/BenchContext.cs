using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>What every scenario works with: the running app, its API process, the database and the report.</summary>
public sealed record BenchContext(BenchAppHost Host, ApiProcess Api, VariantSeeder Variants, BenchOptions Options, BenchReport Report);
