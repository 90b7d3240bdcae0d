using System.Diagnostics;
using System.Globalization;
using Docsfy.Bench;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;
using Docsfy.Bench.Scenarios;

// Benchmarks the realtime hub /api/ws of one API replica started by the real app host. See bench/README.md.
var options = BenchOptions.Parse(args);
var report = new BenchReport();
var startedAt = DateTime.UtcNow;
var loadBefore = MachineInfo.LoadAverage();
var clock = Stopwatch.StartNew();

BenchReport.Progress("starting the app host (PostgreSQL, RabbitMQ, one API replica, the worker)");
await using var host = await BenchAppHost.StartAsync();
var api = ApiProcess.FindListeningOn(host.ApiBaseAddress.Port);
BenchReport.Progress($"API pid {api.Pid}: {api.CommandLine}");
var context = new BenchContext(host, api, new VariantSeeder(await host.ConnectionStringAsync("docsfydb")), options, report);

// Order matters: the sync scenario fills the table with 10,000 variants, which every later connection would then sync.
for (var attempt = 1; attempt <= options.Repeat && options.Scenarios.Contains("idle"); attempt++)
{
    await IdleConnectionsScenario.RunAsync(context, attempt);
}
for (var attempt = 1; attempt <= options.Repeat && options.Scenarios.Contains("fanout"); attempt++)
{
    await FanOutScenario.RunAsync(context, attempt);
}
for (var attempt = 1; attempt <= options.Repeat && options.Scenarios.Contains("sync"); attempt++)
{
    await SyncScenario.RunAsync(context, attempt);
}

var preamble = string.Create(CultureInfo.InvariantCulture, $"""
    # /api/ws benchmark results

    Written by `bash scripts/bench{(args.Length == 0 ? "" : " " + string.Join(' ', args))}`. Method and caveats: [README.md](README.md).

    | | |
    |---|---|
    | date (UTC) | {startedAt:yyyy-MM-dd HH:mm} |
    | commit | {MachineInfo.Commit()} |
    | machine | {Environment.ProcessorCount} cores ({MachineInfo.Cpu()}), {MachineInfo.Memory()} RAM |
    | system | {MachineInfo.Os()} |
    | load average before → after | {loadBefore} → {MachineInfo.LoadAverage()} |
    | API process | `{api.CommandLine}` (one replica, hub options at their defaults, clients connect to it directly, not through DCP's proxy) |
    | bench duration | {clock.Elapsed.TotalMinutes:0.0} min |

    """);
await report.WriteAsync(options.ResultsPath, preamble);
BenchReport.Progress($"results written to {options.ResultsPath} in {clock.Elapsed.TotalMinutes:0.0} min");
