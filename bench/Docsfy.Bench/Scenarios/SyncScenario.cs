using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (c) The initial <c>sync</c> of an admin who can see 10,000 variants: time from the start of the WebSocket connect to
/// the last byte of the sync, one connection at a time, and the sync's size. Measured twice: with rows as the tests
/// insert them (no plan), then with a plan on every ready variant, since real plans travel in the sync too.
/// </summary>
public static class SyncScenario
{
    private const int WarmUpConnections = 3;
    private static readonly TimeSpan TargetWithoutPlans = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan TargetWithPlans = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report) = (context.Options, context.Report);
        report.Heading($"(c) Sync of {Format.Number(options.SyncVariants)} variants for an admin, run {attempt}");
        await context.Variants.FillToAsync(options.SyncVariants);
        var rows = await context.Variants.CountAsync();

        var measurements = new List<(string Shape, TimeSpan Target, SyncMeasurement Result, SyncMeasurement Raw)>();
        async Task MeasureBothAsync(string shape, TimeSpan target)
        {
            var docsfy = await MeasureAsync(context, context.Host.HubUri);
            // The baseline: the raw broadcaster sends a first message of the same size, built once, over the same loopback.
            var raw = await MeasureAsync(context, context.Raw.ClientUri(docsfy.Bytes));
            measurements.Add((shape, target, docsfy, raw));
        }
        await MeasureBothAsync("rows without plan_json", TargetWithoutPlans);
        if (options.SyncPlanBytes > 0)
        {
            await context.Variants.SetPlansAsync(options.SyncPlanBytes);
            await MeasureBothAsync($"every ready row with a {Format.Bytes(options.SyncPlanBytes)} plan_json", TargetWithPlans);
        }

        report.Line($"{Format.Number(rows)} variant rows; {options.SyncSamples} connections one after another, after {WarmUpConnections} " +
                    "warm-up ones. The raw baseline sends a first message of the same size from memory.");
        report.Table(["rows", "sync size", "connect→sync median", "p95", "max", "raw baseline median", "ratio", "target", "result"],
            measurements.Select(m => (IReadOnlyList<string>)
            [
                m.Shape, Format.Bytes(m.Result.Bytes), Format.Ms(m.Result.Times.P50), Format.Ms(m.Result.Times.P95),
                Format.Ms(m.Result.Times.Max), Format.Ms(m.Raw.Times.P50), $"{m.Result.Times.P50 / m.Raw.Times.P50:0.0}×",
                $"median ≤ {m.Target.TotalMilliseconds:0} ms", Format.Met(m.Result.Times.P50 <= m.Target),
            ]));
    }

    private static async Task<SyncMeasurement> MeasureAsync(BenchContext context, Uri uri)
    {
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseCookies = false });
        var times = new List<TimeSpan>();
        var bytes = 0;
        for (var i = 0; i < WarmUpConnections + context.Options.SyncSamples; i++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var socket = await HubSocket.ConnectAsync(uri, invoker, timeout.Token);
            var first = await socket.First.WaitAsync(timeout.Token);
            if (i >= WarmUpConnections)
            {
                times.Add(first.SinceConnectStarted);
                bytes = first.Bytes;
            }
        }
        var result = new SyncMeasurement(bytes, Percentiles.Of(times));
        BenchReport.Progress($"sync {Format.Bytes(result.Bytes)} from {uri.Host}:{uri.Port}: {result.Times}");
        return result;
    }

    private sealed record SyncMeasurement(int Bytes, Percentiles Times);
}
