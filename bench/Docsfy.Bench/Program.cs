using System.Diagnostics;
using System.Globalization;
using Docsfy.Bench;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;
using Docsfy.Bench.Scenarios;

// Benchmarks the realtime hub /api/ws of one API replica started by the real app host, and the generation pipeline from
// POST /api/generate to a ready site. See bench/README.md.
var options = BenchOptions.Parse(args);
var command = "bash scripts/bench" + (args.Length == 0 ? "" : " " + string.Join(' ', args));
var report = new BenchReport(command);
var clock = Stopwatch.StartNew();

BenchReport.Progress("starting the app host (PostgreSQL, RabbitMQ, one API replica, the worker)");
using var ai = new ScriptedAi(options.PipelineMaxConcurrentPages);
await using var host = await BenchAppHost.StartAsync(ai);
var api = ApiProcess.FindListeningOn(host.ApiBaseAddress.Port);
BenchReport.Progress($"API pid {api.Pid}: {api.CommandLine}");
await using var raw = await RawHub.StartAsync();
BenchReport.Progress($"raw baseline broadcaster pid {raw.Process.Pid} on port {raw.Port}");
var context = new BenchContext(host, api, raw, new VariantSeeder(await host.ConnectionStringAsync("docsfydb")), ai, options, report);

// Order matters: the sync scenario fills the table with 10,000 variants, which every later connection (and every sync
// the hub sends after a run ends) would then carry.
(string Name, Func<BenchContext, int, Task> Run)[] scenarios =
[
    ("idle", IdleConnectionsScenario.RunAsync),
    ("fanout", FanOutScenario.RunAsync),
    ("apply", ApplyScenario.RunAsync),
    ("pipeline", PipelineScenario.RunAsync),
    ("incremental", IncrementalScenario.RunAsync),
    ("sync", SyncScenario.RunAsync),
    ("search", SearchScenario.RunAsync),
];
foreach (var (name, run) in scenarios.Where(s => options.Scenarios.Contains(s.Name)))
{
    await report.ScenarioAsync(name, async () =>
    {
        for (var attempt = 1; attempt <= options.Repeat; attempt++)
        {
            await run(context, attempt);
        }
    });
}

var header = string.Create(CultureInfo.InvariantCulture, $"""
    # Benchmark results

    Written by `bash scripts/bench`, one section per scenario: a run replaces the sections of the scenarios it ran and
    keeps the others (and any notes outside the sections). Each section says when it ran and under what load. Method and
    caveats: [README.md](README.md).

    | | |
    |---|---|
    | machine | {Environment.ProcessorCount} cores ({MachineInfo.Cpu()}), {MachineInfo.Memory()} RAM |
    | system | {MachineInfo.Os()} |
    | API process (last run) | `{api.CommandLine}` (one replica, hub options at their defaults, clients connect to it directly, not through DCP's proxy) |

    """);
await report.WriteAsync(options.ResultsPath, header);
BenchReport.Progress($"results written to {options.ResultsPath} in {clock.Elapsed.TotalMinutes:0.0} min");
