using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// What every scenario works with: the running app, its API process, the raw baseline broadcaster, the database, the
/// worker's scripted AI and the report.
/// </summary>
public sealed record BenchContext(BenchAppHost Host, ApiProcess Api, RawHub Raw, VariantSeeder Variants, ScriptedAi Ai,
    BenchOptions Options, BenchReport Report);
