using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// (d) The generation pipeline end to end: <c>POST /api/generate</c> (an admin's <c>repo_path</c> to a generated
/// repository) until the <c>status_change</c> to ready arrives over <c>/api/ws</c>, broken down by stage. Three cases:
/// the scripted AI answering at once (what the pipeline itself costs), the scripted AI taking a fixed time per call
/// (whether pages and checks really run in parallel), and the offline provider. Every run passes <c>force</c>, so each
/// one clones, plans and writes everything again.
/// </summary>
public static class PipelineScenario
{
    private const string RepositoryName = "bench-pipeline";
    private static readonly TimeSpan InstantTarget = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report) = (context.Options, context.Report);
        report.Heading($"(d) Generation pipeline: POST /api/generate to ready, {Format.Number(options.PipelineFiles)}-file repository, run {attempt}");
        using var repository = BenchRepository.Create(RepositoryName, options.PipelineFiles);
        BenchReport.Progress($"repository {repository.Path}: {Format.Number(repository.Files)} files, {Format.Bytes(repository.Bytes)}");
        await using var runner = await PipelineRunner.OpenAsync(context, repository);

        report.Line($"A generated repository of {Format.Number(repository.Files)} files ({Format.Bytes(repository.Bytes)}: README, "
            + "docs/*.md, sources of 1–6 KB under src/ and tests/), one commit. Each case: one warm-up run, then "
            + $"{options.PipelineRuns} measured runs one after another, each with `force: true`. A stage lasts from its first "
            + "`progress` to the next stage's first `progress`; the last stage ends at the `status_change`; *queued* is the POST "
            + $"to the first `progress`. The worker's MAX_CONCURRENT_PAGES is {context.Ai.MaxConcurrentPages}.");

        await PipelineRunner.UseAiDelayAsync(context, 0);
        var instant = await runner.MeasureAsync(ScriptedAi.Provider, "instant");
        PipelineTables.Write(report, $"(d1) Scripted AI answering at once, {ScriptedAi.PlanPages}-page plan", instant,
            [new("POST → ready", instant.Median(s => s.Total), InstantTarget)]);

        var offline = await runner.MeasureAsync("offline", "markdown");
        PipelineTables.Write(report, "(d2) Offline provider (`ai_provider: offline`, `ai_model: markdown`)", offline, []);

        await PipelineRunner.UseAiDelayAsync(context, options.PipelineAiDelay);
        var slow = await runner.MeasureAsync(ScriptedAi.Provider, "slow");
        var delay = TimeSpan.FromSeconds(options.PipelineAiDelay);
        var rounds = (int)Math.Ceiling((double)ScriptedAi.PlanPages / context.Ai.MaxConcurrentPages);
        // "About two rounds": under one extra round of slack for process start and progress messages.
        var roundsLimit = delay * (rounds + 1);
        PipelineTables.Write(report,
            $"(d3) Scripted AI taking {options.PipelineAiDelay:0.##} s per call, {ScriptedAi.PlanPages} pages, MAX_CONCURRENT_PAGES={context.Ai.MaxConcurrentPages}",
            slow,
            [
                new($"generating_pages ({rounds} rounds of {Format.Ms(delay)} expected, {ScriptedAi.PlanPages} if serial)",
                    slow.Median(s => s.Stage("generating_pages")), roundsLimit),
                new($"validating ({rounds} rounds expected)", slow.Median(s => s.Stage("validating")), roundsLimit),
            ]);
        // The worker keeps the delay: no later scenario uses its AI, and a repeat starts by setting it back.
    }
}
