using System.Globalization;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (e) What regeneration costs when little or nothing changed (issue 5): a full generation of the 15-page plan against
/// a run after a one-file change (incremental planning, one affected page updated, the other 14 from the page cache),
/// and a run of an unchanged commit (up to date, no AI call). The scripted AI takes the pipeline scenario's delay per
/// call, so the times show what the saved calls are worth.
/// </summary>
public static class IncrementalScenario
{
    private const string RepositoryName = "bench-incremental";
    private const string Model = "incremental";
    private const int AffectedPages = 1;
    private static readonly TimeSpan UpToDateTarget = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report) = (context.Options, context.Report);
        report.Heading($"(e) Incremental regeneration: a one-file change and an unchanged commit against a full run, run {attempt}");
        using var repository = BenchRepository.Create(RepositoryName, options.PipelineFiles);
        await using var runner = await PipelineRunner.OpenAsync(context, repository);

        await PipelineRunner.UseAiDelayAsync(context, options.PipelineAiDelay);
        report.Line($"The same {Format.Number(repository.Files)}-file repository and {ScriptedAi.PlanPages}-page plan as (d); the "
            + $"scripted AI takes {options.PipelineAiDelay.ToString("0.##", CultureInfo.InvariantCulture)} s per call and names "
            + $"{AffectedPages} page as affected by any change. Each case: one warm-up run, then {options.PipelineRuns} measured "
            + "runs. *Full*: `force: true`. *One-file change*: a commit changing one source file before each run, no force. "
            + "*Up to date*: no new commit, no force.");

        var full = await runner.MeasureAsync(ScriptedAi.Provider, Model, force: true);
        PipelineTables.Write(report, "(e1) Full generation", full, []);

        var changed = await runner.MeasureAsync(ScriptedAi.Provider, Model, force: false, repository.CommitOneFileChange);
        PipelineTables.Write(report, "(e2) After a one-file change", changed, []);

        var upToDate = await runner.MeasureAsync(ScriptedAi.Provider, Model, force: false);
        PipelineTables.Write(report, "(e3) Unchanged commit", upToDate,
            [new("POST → ready, up to date", upToDate.Median(s => s.Total), UpToDateTarget)]);

        var callLimit = 1 + 2 * AffectedPages;
        var mostCalls = changed.Samples.Max(s => s.Calls.Count);
        report.Table(["measure", "full generation", "one-file change", "target", "result"],
        [
            ["AI calls (most of any run)", Calls(full), mostCalls.ToString(CultureInfo.InvariantCulture),
                $"≤ {callLimit} (1 planner + 2 per affected page)", Format.Met(mostCalls <= callLimit)],
            ["POST → ready (median)", Format.Ms(full.Median(s => s.Total)), Format.Ms(changed.Median(s => s.Total)), "", ""],
            ["AI calls of an up-to-date run", "", Calls(upToDate), "0", Format.Met(upToDate.Samples.All(s => s.Calls.Count == 0))],
        ]);
    }

    private static string Calls(PipelineCase results) =>
        results.Samples.Max(s => s.Calls.Count).ToString(CultureInfo.InvariantCulture);
}
