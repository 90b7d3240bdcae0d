using System.Diagnostics;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;
using Docsfy.Contracts;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (f) How many worker events per second reach PostgreSQL: a backlog of progress events of many runs, sent as a busy
/// set of workers would (MassTransit's wire format, the run's partition exchange) while writes are held, timed from the
/// release until every run's row shows its last event. Measured with one
/// API replica (the bench's app host) and with two (a second app host started for it), next to the baseline of the same
/// conditional update run once per event, straight from the bench.
/// </summary>
public static class ApplyScenario
{
    private const int Runs = 2_000;
    private const int EventsPerRun = 25;
    private const int BaselineConnections = 8;
    private const double TargetOneReplica = 5_000;
    private const double TargetScaling = 1.6;

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var report = context.Report;
        report.Heading($"(f) Events applied to PostgreSQL per second, run {attempt}");

        var baselineVariants = await context.Variants.InsertGeneratingAsync(Runs / 4, $"applybase{attempt}");
        var clock = Stopwatch.StartNew();
        await context.Variants.ApplyOneByOneAsync(baselineVariants, EventsPerRun, BaselineConnections);
        var baseline = baselineVariants.Count * EventsPerRun / clock.Elapsed.TotalSeconds;
        await context.Variants.DeleteAsync($"applybase{attempt}");
        BenchReport.Progress($"baseline, one statement per event: {baseline:N0} events/s");

        var one = await MeasureAsync(context.Variants, await context.Host.ConnectionStringAsync("messaging"), $"apply1r{attempt}");
        // Left generating, these rows would ride along in every later sync and be ended by the watchdog mid-scenario.
        await context.Variants.DeleteAsync($"apply1r{attempt}");
        BenchReport.Progress($"one replica: {one}");

        BenchReport.Progress("starting a second app host with two API replicas");
        Measurement two;
        await using (var pair = await BenchAppHost.StartAsync(context.Ai, apiReplicas: 2))
        {
            var seeder = new VariantSeeder(await pair.ConnectionStringAsync("docsfydb"));
            two = await MeasureAsync(seeder, await pair.ConnectionStringAsync("messaging"), $"apply2r{attempt}");
        }
        BenchReport.Progress($"two replicas: {two}");

        report.Line($"{Format.Number(Runs)} runs × {EventsPerRun} progress events, sent at once in MassTransit's wire format; baseline: " +
                    $"{Format.Number(baselineVariants.Count * EventsPerRun)} events as single conditional UPDATEs over {BaselineConnections} connections.");
        report.Table(["path", "events", "sent in (while held)", "backlog applied in", "**events applied/s**", "vs baseline", "target", "result"],
        [
            ["baseline: one UPDATE per event (no broker)", Format.Number(baselineVariants.Count * EventsPerRun), "", "", $"**{Format.Number(baseline)}**", "1.0×", "", ""],
            ["Docsfy, one API replica", Format.Number(one.Events), $"{one.SendTime.TotalSeconds:0.0} s", $"{one.ApplyTime.TotalSeconds:0.0} s",
                $"**{Format.Number(one.PerSecond)}**", $"{one.PerSecond / baseline:0.0}×", $"≥ {Format.Number(TargetOneReplica)}",
                Format.Met(one.PerSecond >= TargetOneReplica)],
            ["Docsfy, two API replicas", Format.Number(two.Events), $"{two.SendTime.TotalSeconds:0.0} s", $"{two.ApplyTime.TotalSeconds:0.0} s",
                $"**{Format.Number(two.PerSecond)}**", $"{two.PerSecond / baseline:0.0}×", $"≥ {TargetScaling}× one replica",
                Format.Met(two.PerSecond >= TargetScaling * one.PerSecond)],
        ]);
        report.Line("The events are sent while the variants table is locked against writes, and timed from the release: the figure is " +
                    "the API draining a backlog, whatever the sender's speed.");
    }

    /// <summary>
    /// The drain rate of a backlog: PostgreSQL's variants table is locked against writes (reads still work) while every
    /// event is sent, so the API takes its first batch of each partition and waits while the rest queue up; the clock
    /// starts when the lock is released and stops when every run's row shows its last event. The sender's own speed is
    /// then out of the figure.
    /// </summary>
    private static async Task<Measurement> MeasureAsync(VariantSeeder seeder, string messaging, string prefix)
    {
        var variants = await seeder.InsertGeneratingAsync(Runs, prefix);
        var events = Enumerable.Range(1, EventsPerRun)
            .SelectMany(sequence => variants.Select(v => new GenerationProgressed(v.Key, v.RunId, sequence, "generating_pages",
                PageCount: sequence, PlanJson: null, ErrorMessage: null)))
            .ToList();
        TimeSpan sendTime;
        Stopwatch started;
        await using (var hold = await seeder.HoldWritesAsync())
        {
            await using var sender = await WireEventSender.ConnectAsync(messaging);
            var sending = Stopwatch.StartNew();
            await sender.SendAsync(events);
            sendTime = sending.Elapsed;
            // Let the API take what it can hold before the lock goes (its prefetch); the rest waits in RabbitMQ.
            await Task.Delay(TimeSpan.FromSeconds(2));
            started = Stopwatch.StartNew();
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (await seeder.CountAtSequenceAsync(prefix, EventsPerRun) < Runs && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        var applyTime = started.Elapsed;
        var applied = await seeder.CountAtSequenceAsync(prefix, EventsPerRun);
        return new Measurement(events.Count, sendTime, applyTime, applied == Runs);
    }

    private sealed record Measurement(int Events, TimeSpan SendTime, TimeSpan ApplyTime, bool Complete)
    {
        public double PerSecond => Complete ? Events / ApplyTime.TotalSeconds : 0;

        public override string ToString() =>
            $"{Events:N0} events sent in {SendTime.TotalSeconds:0.0} s, backlog applied in {ApplyTime.TotalSeconds:0.00} s: {PerSecond:N0}/s" +
            (Complete ? "" : " (INCOMPLETE after 5 min)");
    }
}
