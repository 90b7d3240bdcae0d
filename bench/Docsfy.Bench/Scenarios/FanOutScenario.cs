using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (b) Fan-out: worker progress events published to RabbitMQ at a fixed rate, applied by the API to PostgreSQL and
/// broadcast to every admin socket. Measures deliveries per second at the clients and publish-to-receive latency, at the
/// target rate and then at higher rates until one is no longer sustained.
/// </summary>
public static class FanOutScenario
{
    private const double TargetDeliveriesPerSecond = 50_000;
    private static readonly TimeSpan TargetP99 = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report) = (context.Options, context.Report);
        report.Heading($"(b) Fan-out: {Format.Number(options.FanOutConnections)} admin sockets, run {attempt}");

        // Fresh variants per run: their sequence numbers start at 1, and a run's events are never mixed with another's.
        var variants = await context.Variants.InsertGeneratingAsync(options.FanOutVariants, $"fanout{attempt}");
        var sequences = new long[variants.Count];
        var clock = new PublishClock(capacity: 2_000_000);
        await using var worker = await FakeWorker.StartAsync(await context.Host.ConnectionStringAsync("messaging"));
        await using var pool = new HubSocketPool();
        await pool.OpenAsync(context.Host.HubUri, options.FanOutConnections);
        BenchReport.Progress($"{Format.Number(pool.Open)} sockets open; {variants.Count} generating variants take turns");
        var trial = new FanOutTrial(worker, variants, sequences, clock, pool.Sockets, context.Api);

        // A short warm-up, so JIT and connection pools are not part of the first trial's tail.
        await trial.RunAsync(rate: 50, TimeSpan.FromSeconds(3));

        var results = new List<FanOutResult>();
        var target = await trial.RunAsync(options.FanOutRate, options.FanOutDuration);
        results.Add(target);
        BenchReport.Progress(Describe(target));
        foreach (var rate in options.RampRates)
        {
            var result = await trial.RunAsync(rate, options.RampDuration);
            results.Add(result);
            BenchReport.Progress(Describe(result));
            if (!result.Sustained)
            {
                break;
            }
        }

        report.Table(
            ["events/s", "events", "offered deliveries/s", "**deliveries/s**", "received by the end of the drain / expected", "latency p50", "p95", "**p99**", "max",
                "tail after last publish", "API CPU (cores)", "bench CPU (cores)", "sustained"],
            results.Select(r => (IReadOnlyList<string>)
            [
                Format.Number(r.Rate), Format.Number(r.Events), Format.Number(r.Rate * r.Connections),
                $"**{Format.Number(r.DeliveriesPerSecond)}**", $"{Format.Number(r.Received)} / {Format.Number(r.Expected)}",
                Format.Ms(r.Latency.P50), Format.Ms(r.Latency.P95), $"**{Format.Ms(r.Latency.P99)}**", Format.Ms(r.Latency.Max),
                Format.Ms(r.TailAfterLastPublish), $"{r.ApiCores:0.00}", $"{r.BenchCores:0.00}", r.Sustained ? "yes" : "no",
            ]));
        var best = results.Where(r => r.Sustained).MaxBy(r => r.DeliveriesPerSecond);
        report.Table(["measure", "value", "target", "result"],
        [
            [$"deliveries/s at {options.FanOutRate} events/s", Format.Number(target.DeliveriesPerSecond), "≥ 50,000",
                Format.Met(target.DeliveriesPerSecond >= TargetDeliveriesPerSecond && target.Missing == 0)],
            [$"p99 publish→receive at {options.FanOutRate} events/s", Format.Ms(target.Latency.P99), "< 100 ms",
                Format.Met(target.Latency.P99 < TargetP99)],
            ["highest sustained deliveries/s tried", best is null ? "none sustained" : $"{Format.Number(best.DeliveriesPerSecond)} (at {best.Rate} events/s)", "", ""],
        ]);
    }

    private static string Describe(FanOutResult r) =>
        $"{r.Rate} events/s: {r.DeliveriesPerSecond:N0} deliveries/s, {r.Received:N0}/{r.Expected:N0} received, {r.Latency}, " +
        $"API {r.ApiCores:0.00} cores, {(r.Sustained ? "sustained" : "NOT sustained")}";
}
