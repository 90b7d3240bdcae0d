using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (a) How many idle, authenticated sockets one API process holds, and what each costs: memory before and after opening
/// them, each figure taken after a forced full GC. The sockets stay open past a heartbeat so the figure includes what a
/// connection costs while it is being pinged, and so we see that they survive it.
/// </summary>
public static class IdleConnectionsScenario
{
    private const int WarmUpConnections = 200;
    private const double TargetBytesPerConnection = 25 * 1024;

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report, api) = (context.Options, context.Report, context.Api);
        report.Heading($"(a) Idle connections: {Format.Number(options.IdleConnections)} admin sockets, run {attempt}");

        // JIT, Kestrel's and Npgsql's pools and the hub's first-use allocations belong to the process, not to a connection.
        await using (var warmUp = new HubSocketPool())
        {
            await warmUp.OpenAsync(context.Host.HubUri, WarmUpConnections);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await MemorySample.TakeAsync(api);
        BenchReport.Progress($"baseline RSS {Format.Bytes(before.ResidentBytes)}, live heap {Format.Bytes(before.LiveManagedBytes ?? 0)}");

        await using var pool = new HubSocketPool();
        var started = DateTime.UtcNow;
        await pool.OpenAsync(context.Host.HubUri, options.IdleConnections,
            new Progress<int>(n => BenchReport.Progress($"{Format.Number(n)} sockets open")));
        var openTime = DateTime.UtcNow - started;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var opened = await MemorySample.TakeAsync(api);
        BenchReport.Progress($"{Format.Number(pool.Open)} open in {openTime.TotalSeconds:0.0} s; RSS {Format.Bytes(opened.ResidentBytes)}");

        BenchReport.Progress($"holding for {options.IdleHold.TotalSeconds:0} s (past one heartbeat)");
        await Task.Delay(options.IdleHold);
        var held = await MemorySample.TakeAsync(api);
        var open = pool.Open;

        double PerConnection(long after, long baseline) => open == 0 ? 0 : (after - baseline) / (double)open;
        var rssPerConnection = PerConnection(held.ResidentBytes, before.ResidentBytes);
        var heapPerConnection = held.LiveManagedBytes is { } h && before.LiveManagedBytes is { } b ? PerConnection(h, b) : (double?)null;
        report.Table(["measure", "value", "target", "result"],
        [
            ["sockets open after the hold", $"{Format.Number(open)} of {Format.Number(options.IdleConnections)}",
                "10,000", Format.Met(open >= 10_000)],
            ["time to open them (32 in parallel, each until its sync arrived)", $"{openTime.TotalSeconds:0.0} s", "", ""],
            ["RSS: baseline → all open → after the hold",
                $"{Format.Bytes(before.ResidentBytes)} → {Format.Bytes(opened.ResidentBytes)} → {Format.Bytes(held.ResidentBytes)}", "", ""],
            ["**RSS delta per connection** (after the hold)", $"**{Format.Bytes(rssPerConnection)}**", "≤ 25 KiB",
                Format.Met(rssPerConnection <= TargetBytesPerConnection)],
            ["RSS delta per connection right after opening", Format.Bytes(PerConnection(opened.ResidentBytes, before.ResidentBytes)), "", ""],
            ["live managed heap: baseline → after the hold",
                $"{Format.Bytes(before.LiveManagedBytes ?? 0)} → {Format.Bytes(held.LiveManagedBytes ?? 0)}", "", ""],
            ["live managed heap per connection", heapPerConnection is { } perHeap ? Format.Bytes(perHeap) : "n/a", "", ""],
            ["API file descriptors: baseline → after the hold", $"{before.FileDescriptors} → {held.FileDescriptors}", "", ""],
            ["pings answered by the clients", Format.Number(pool.Sockets.Sum(s => s.PingsAnswered)), "", ""],
        ]);
        ReportFailures(report, pool);

        await pool.DisposeAsync();
        var raw = await MeasureRawAsync(context);
        report.Table(["baseline", "raw broadcaster (same run, same count, same hold)", "Docsfy ÷ raw"],
        [
            ["RSS delta per connection", $"{Format.Bytes(raw.PerConnection)} ({Format.Number(raw.Open)} open)",
                raw.PerConnection > 0 ? $"{rssPerConnection / raw.PerConnection:0.0}×" : "n/a"],
        ]);
    }

    /// <summary>The same count of sockets on the raw broadcaster, held as long: what a socket costs with nothing of Docsfy.</summary>
    private static async Task<(double PerConnection, int Open)> MeasureRawAsync(BenchContext context)
    {
        await using (var warmUp = new HubSocketPool())
        {
            await warmUp.OpenAsync(context.Raw.ClientUri(), WarmUpConnections);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await MemorySample.TakeAsync(context.Raw.Process);
        await using var pool = new HubSocketPool();
        await pool.OpenAsync(context.Raw.ClientUri(), context.Options.IdleConnections);
        await Task.Delay(context.Options.IdleHold);
        var held = await MemorySample.TakeAsync(context.Raw.Process);
        var open = pool.Open;
        BenchReport.Progress($"raw: {Format.Number(open)} open; RSS {Format.Bytes(before.ResidentBytes)} → {Format.Bytes(held.ResidentBytes)}");
        return (open == 0 ? 0 : (held.ResidentBytes - before.ResidentBytes) / (double)open, open);
    }

    private static void ReportFailures(BenchReport report, HubSocketPool pool)
    {
        foreach (var (reason, count) in pool.Failures)
        {
            report.Line($"- {Format.Number(count)} connections failed to open: {reason}");
        }
        foreach (var group in pool.Sockets.Where(s => s.EndReason is not null).GroupBy(s => s.EndReason))
        {
            report.Line($"- {Format.Number(group.Count())} sockets ended during the hold: {group.Key}");
        }
    }
}
