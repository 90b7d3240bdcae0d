using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (b) Fan-out: worker progress events sent to RabbitMQ at a fixed rate, applied by the API to PostgreSQL and broadcast
/// to every admin socket; and, in the same run, the same events at the same rates through the raw broadcaster (no auth,
/// no database, no broker) as the baseline. Measures deliveries per second, publish-to-receive latency and the server's
/// CPU per delivery, at the target rate and then at higher rates until Docsfy no longer sustains one.
/// </summary>
public static class FanOutScenario
{
    private static readonly TimeSpan TargetP99 = TimeSpan.FromMilliseconds(55);
    private const int TargetSustainedRate = 400;
    private const double TargetCpuRatio = 0.5;

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report) = (context.Options, context.Report);
        report.Heading($"(b) Fan-out: {Format.Number(options.FanOutConnections)} admin sockets, run {attempt}");

        // Fresh variants per run: their sequence numbers start at 1, and a run's events are never mixed with another's.
        var variants = await context.Variants.InsertGeneratingAsync(options.FanOutVariants, $"fanout{attempt}");
        var clock = new PublishClock(capacity: 4_000_000);
        await using var worker = await FakeWorker.StartAsync(await context.Host.ConnectionStringAsync("messaging"));
        await using var docsfySockets = new HubSocketPool();
        await docsfySockets.OpenAsync(context.Host.HubUri, options.FanOutConnections);
        await using var rawPublisher = await RawPublisher.ConnectAsync(context.Raw.PublishUri);
        await using var rawSockets = new HubSocketPool();
        await rawSockets.OpenAsync(context.Raw.ClientUri(), options.FanOutConnections);
        BenchReport.Progress($"{Format.Number(docsfySockets.Open)} Docsfy and {Format.Number(rawSockets.Open)} raw sockets open; " +
                             $"{variants.Count} generating variants take turns");
        var docsfy = new FanOutTrial(worker, variants, new long[variants.Count], clock, docsfySockets.Sockets, context.Api);
        var raw = new FanOutTrial(rawPublisher, variants, new long[variants.Count], clock, rawSockets.Sockets, context.Raw.Process);

        // A short warm-up of each, so JIT and connection pools are not part of the first trial's tail.
        await raw.RunAsync(rate: 50, TimeSpan.FromSeconds(3));
        await docsfy.RunAsync(rate: 50, TimeSpan.FromSeconds(3));

        var rows = new List<(string System, FanOutResult Result)>();
        foreach (var (rate, duration) in options.RampRates.Select(r => (r, options.RampDuration)).Prepend((options.FanOutRate, options.FanOutDuration)))
        {
            var baseline = await raw.RunAsync(rate, duration);
            BenchReport.Progress("raw    " + Describe(baseline));
            var result = await docsfy.RunAsync(rate, duration);
            BenchReport.Progress("docsfy " + Describe(result));
            rows.Add(("raw", baseline));
            rows.Add(("Docsfy", result));
            if (!result.Sustained)
            {
                break;
            }
        }

        report.Table(
            ["events/s", "system", "**deliveries/s**", "received / expected", "latency p50", "p95", "**p99**", "max",
                "tail after last publish", "server CPU (cores)", "deliveries per server CPU-second", "sustained"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                Format.Number(r.Result.Rate), r.System, $"**{Format.Number(r.Result.DeliveriesPerSecond)}**",
                $"{Format.Number(r.Result.Received)} / {Format.Number(r.Result.Expected)}",
                Format.Ms(r.Result.Latency.P50), Format.Ms(r.Result.Latency.P95), $"**{Format.Ms(r.Result.Latency.P99)}**",
                Format.Ms(r.Result.Latency.Max), Format.Ms(r.Result.TailAfterLastPublish), $"{r.Result.ApiCores:0.00}",
                Format.Number(r.Result.DeliveriesPerCpuSecond), r.Result.Sustained ? "yes" : "no",
            ]));

        var target = rows.First(r => r.System == "Docsfy").Result;
        var targetRaw = rows.First(r => r.System == "raw").Result;
        var best = rows.Where(r => r.System == "Docsfy" && r.Result.Sustained).Select(r => r.Result.Rate).DefaultIfEmpty().Max();
        var bestRaw = rows.Where(r => r.System == "raw" && r.Result.Sustained).Select(r => r.Result.Rate).DefaultIfEmpty().Max();
        var cpuRatio = targetRaw.DeliveriesPerCpuSecond > 0 ? target.DeliveriesPerCpuSecond / targetRaw.DeliveriesPerCpuSecond : 0;
        report.Table(["measure", "Docsfy", "raw baseline (same run)", "ratio", "target", "result"],
        [
            [$"p99 publish→receive at {options.FanOutRate} events/s", Format.Ms(target.Latency.P99), Format.Ms(targetRaw.Latency.P99),
                $"{target.Latency.P99 / targetRaw.Latency.P99:0.0}×", "≤ 55 ms",
                Format.Met(target.Latency.P99 <= TargetP99 && target.Sustained)],
            ["highest sustained rate tried (events/s)", best == 0 ? "none" : Format.Number(best),
                bestRaw == 0 ? "none" : Format.Number(bestRaw), "", $"≥ {TargetSustainedRate}", Format.Met(best >= TargetSustainedRate)],
            [$"deliveries per server CPU-second at {options.FanOutRate} events/s", Format.Number(target.DeliveriesPerCpuSecond),
                Format.Number(targetRaw.DeliveriesPerCpuSecond), $"{cpuRatio:0.00}", $"≥ {TargetCpuRatio} of raw",
                Format.Met(cpuRatio >= TargetCpuRatio)],
        ]);
        report.Line("A rate is tried only while Docsfy sustained the one before it; the raw baseline runs first at each rate.");
    }

    private static string Describe(FanOutResult r) =>
        $"{r.Rate} events/s: {r.DeliveriesPerSecond:N0} deliveries/s, {r.Received:N0}/{r.Expected:N0} received, {r.Latency}, " +
        $"server {r.ApiCores:0.00} cores, {(r.Sustained ? "sustained" : "NOT sustained")}";
}
