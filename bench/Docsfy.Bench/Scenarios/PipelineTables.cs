using System.Globalization;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>One pipeline case in the report: every run's stages side by side with the median, then the targets.</summary>
public static class PipelineTables
{
    public static void Write(BenchReport report, string title, PipelineCase results,
        IReadOnlyList<PipelineTarget> targets)
    {
        var samples = results.Samples;
        report.Line("");
        report.Line($"**{title}** — load average {results.LoadBefore} → {results.LoadAfter}");
        var stages = samples.SelectMany(s => s.Stages.Select(stage => stage.Stage)).Distinct().ToList();
        var header = new List<string> { "" };
        header.AddRange(samples.Select((_, i) => $"run {i + 1}"));
        header.Add("median");

        IReadOnlyList<string> Row(string label, Func<PipelineSample, TimeSpan> measure) =>
            [label, .. samples.Select(s => Format.Ms(measure(s))), Format.Ms(results.Median(measure))];
        IReadOnlyList<string> Facts(string label, Func<PipelineSample, string> fact) =>
            [label, .. samples.Select(fact), ""];

        var rows = stages.Select(stage => Row(stage, s => s.Stage(stage))).ToList();
        rows.Add(Row("**POST → ready**", s => s.Total));
        rows.Add(Facts("pages", s => s.Pages.ToString(CultureInfo.InvariantCulture)));
        if (samples.Any(s => s.Calls.Count > 0))
        {
            rows.Add(Facts("AI calls", s => s.CallSummary()));
            rows.Add(Facts("most page calls running at once", s => AiCall.MostAtOnce(s.Calls, "page").ToString(CultureInfo.InvariantCulture)));
            rows.Add(Facts("most checks running at once", s => AiCall.MostAtOnce(s.Calls, "check").ToString(CultureInfo.InvariantCulture)));
        }
        report.Table(header, rows);

        if (targets.Count > 0)
        {
            report.Table(["measure", "median", "target", "result"], targets.Select(t => (IReadOnlyList<string>)
                [t.Measure, Format.Ms(t.Median), $"< {Format.Ms(t.Limit)}", Format.Met(t.Median < t.Limit)]));
        }
    }
}

/// <summary>A median that should stay under a limit.</summary>
public sealed record PipelineTarget(string Measure, TimeSpan Median, TimeSpan Limit);
