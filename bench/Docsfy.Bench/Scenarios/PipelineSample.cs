using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>One measured run: POST to ready, each stage's duration, the pages it made and the AI calls it cost.</summary>
public sealed record PipelineSample(TimeSpan Total, IReadOnlyList<(string Stage, TimeSpan Duration)> Stages, int Pages,
    IReadOnlyList<AiCall> Calls)
{
    /// <summary>The stage's duration, zero when the run did not go through it (the offline provider skips validating).</summary>
    public TimeSpan Stage(string stage) => Stages.FirstOrDefault(s => s.Stage == stage).Duration;

    /// <summary>Calls by kind in pipeline order, e.g. "1 plan + 15 page + 15 check + 1 related".</summary>
    public string CallSummary() => Calls.Count == 0
        ? "0"
        : $"{Calls.Count} ({string.Join(" + ", Calls.GroupBy(c => c.Kind).OrderBy(g => g.Min(c => c.Started)).Select(g => $"{g.Count()} {g.Key}"))})";

    public override string ToString() =>
        $"{Format.Ms(Total)} to ready, {Pages} pages, AI calls {CallSummary()}; "
        + string.Join(", ", Stages.Select(s => $"{s.Stage} {Format.Ms(s.Duration)}"));
}

/// <summary>The measured runs of one case, and the load average when it started and ended.</summary>
public sealed record PipelineCase(IReadOnlyList<PipelineSample> Samples, string LoadBefore, string LoadAfter)
{
    /// <summary>Nearest-rank median, as everywhere in the bench.</summary>
    public TimeSpan Median(Func<PipelineSample, TimeSpan> measure) => Percentiles.Of(Samples.Select(measure)).P50;
}
