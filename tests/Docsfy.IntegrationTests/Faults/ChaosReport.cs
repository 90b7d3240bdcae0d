using System.Globalization;
using System.Text;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>Writes the soak's results table (bench/chaos-results.md): one row per fault, summed over the rounds.</summary>
public static class ChaosReport
{
    public static string Render(ChaosSettings settings, IReadOnlyList<FaultOutcome> outcomes, int rounds, string loadBefore,
        string loadAfter, DateTime started, TimeSpan took)
    {
        var text = new StringBuilder();
        text.AppendLine("# Fault-injection soak results");
        text.AppendLine();
        text.AppendLine("Written by `scripts/chaos` (README, *Fault tolerance*). Each round injects every fault below into one app host");
        text.AppendLine("(two API replicas, one worker, local PostgreSQL and RabbitMQ) while runs are in flight — half of them writing");
        text.AppendLine("pages as the fault hits, half held at their first AI call until it is over — with two hub clients on each");
        text.AppendLine("replica. *Resumed* counts runs whose worker was killed under them that were taken over from their checkpoint");
        text.AppendLine("and still ended `ready` (every run must end `ready`, a killed worker's too); *lost* counts");
        text.AppendLine("(client, run) pairs where the client never learned how the run ended; *stuck* counts runs still `generating`");
        text.AppendLine("after three minutes. *Resync* is per client, from the fault's injection (the process killed, the server");
        text.AppendLine("back from its restart, or the killed worker running again) to the first fresh `sync` the client got (after the");
        text.AppendLine("worker's death, that of the first run to end once taken over).");
        text.AppendLine();
        text.AppendLine(Invariant($"- Ran: {started:yyyy-MM-dd HH:mm} UTC for {took.TotalMinutes:0.0} min, {rounds} round(s) of {settings.RunsPerScenario} runs per fault"));
        text.AppendLine($"- Commit: `{settings.Commit}`");
        text.AppendLine(Invariant($"- Machine: {Environment.ProcessorCount} cores; load average (1, 5, 15 min) before `{loadBefore}`, after `{loadAfter}`"));
        text.AppendLine();
        text.AppendLine("| fault | runs started | runs ready | runs resumed | runs failed | terminal statuses lost | stuck variants | client resync median | client resync max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in outcomes.GroupBy(o => o.Fault.Name))
        {
            var resyncs = group.SelectMany(o => o.ResyncTimes).Order().ToList();
            text.AppendLine(Invariant($"| {group.Key} | {group.Sum(o => o.RunsStarted)} | {group.Sum(o => o.RunsReady)} | {group.Sum(o => o.RunsResumed)} | {group.Sum(o => o.RunsFailed)} | {group.Sum(o => o.TerminalStatusesLost)} | {group.Sum(o => o.StuckVariants)} | {Seconds(Median(resyncs))} | {Seconds(resyncs.LastOrDefault())} |"));
        }
        var problems = outcomes.SelectMany(o => o.Problems.Select(p => $"{o.Fault.Name}: {p}")).ToList();
        text.AppendLine();
        text.AppendLine(problems.Count == 0 ? "Every promise was kept in every round." : "Promises broken:");
        foreach (var problem in problems)
        {
            text.AppendLine($"- {problem}");
        }
        return text.ToString();
    }

    /// <summary>The machine's load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static TimeSpan Median(List<TimeSpan> sorted) => sorted.Count == 0 ? TimeSpan.Zero
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
