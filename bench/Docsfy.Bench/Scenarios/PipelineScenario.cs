using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(BenchContext context, int attempt)
    {
        var (options, report) = (context.Options, context.Report);
        report.Heading($"(d) Generation pipeline: POST /api/generate to ready, {Format.Number(options.PipelineFiles)}-file repository, run {attempt}");
        using var repository = BenchRepository.Create(RepositoryName, options.PipelineFiles);
        BenchReport.Progress($"repository {repository.Path}: {Format.Number(repository.Files)} files, {Format.Bytes(repository.Bytes)}");
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseCookies = false });
        await using var socket = await HubSocket.ConnectAsync(context.Host.HubUri, invoker, CancellationToken.None);
        await socket.First.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = context.Host.ApiBaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchAppHost.AdminKey);
        var runner = new PipelineRunner(context, repository, socket, http);

        report.Line($"A generated repository of {Format.Number(repository.Files)} files ({Format.Bytes(repository.Bytes)}: README, "
            + "docs/*.md, sources of 1–6 KB under src/ and tests/), one commit. Each case: one warm-up run, then "
            + $"{options.PipelineRuns} measured runs one after another, each with `force: true`. A stage lasts from its first "
            + "`progress` to the next stage's first `progress`; the last stage ends at the `status_change`; *queued* is the POST "
            + $"to the first `progress`. The worker's MAX_CONCURRENT_PAGES is {context.Ai.MaxConcurrentPages}.");

        await UseAiDelayAsync(context, 0);
        var instant = await runner.MeasureAsync(ScriptedAi.Provider, "instant");
        PipelineTables.Write(report, $"(d1) Scripted AI answering at once, {ScriptedAi.PlanPages}-page plan", instant,
            [new("POST → ready", instant.Median(s => s.Total), InstantTarget)]);

        var offline = await runner.MeasureAsync("offline", "markdown");
        PipelineTables.Write(report, "(d2) Offline provider (`ai_provider: offline`, `ai_model: markdown`)", offline, []);

        await UseAiDelayAsync(context, options.PipelineAiDelay);
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

    /// <summary>The delay reaches the script through the worker's environment: changing it means restarting the worker.</summary>
    private static async Task UseAiDelayAsync(BenchContext context, double seconds)
    {
        if (context.Ai.DelaySeconds == seconds)
        {
            return;
        }
        BenchReport.Progress($"restarting the worker with an AI delay of {seconds} s");
        context.Ai.DelaySeconds = seconds;
        await context.Host.RestartWorkerAsync();
    }

    /// <summary>Posts runs of one provider and model and times them over the hub.</summary>
    private sealed class PipelineRunner(BenchContext context, BenchRepository repository, HubSocket socket, HttpClient http)
    {
        public async Task<PipelineCase> MeasureAsync(string provider, string model)
        {
            var samples = new List<PipelineSample>();
            var loadAverage = MachineInfo.LoadAverage();
            for (var run = 0; run <= context.Options.PipelineRuns; run++)
            {
                var sample = await RunOnceAsync(provider, model);
                BenchReport.Progress($"{provider}/{model} {(run == 0 ? "warm-up" : $"run {run}")}: {sample}");
                if (run > 0)
                {
                    samples.Add(sample);
                }
            }
            return new PipelineCase(samples, loadAverage, MachineInfo.LoadAverage());
        }

        private async Task<PipelineSample> RunOnceAsync(string provider, string model)
        {
            var timeline = new RunTimeline(repository.Name, model);
            socket.Sink = timeline;
            var postedAt = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/generate", new Dictionary<string, object>
            {
                ["repo_path"] = repository.Path,
                ["ai_provider"] = provider,
                ["ai_model"] = model,
                ["force"] = true,
            });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST /api/generate answered {(int)response.StatusCode}: {body}");
            }
            var runId = JsonDocument.Parse(body).RootElement.GetProperty("generation_id").GetGuid();
            var end = await timeline.End.WaitAsync(RunTimeout);
            socket.Sink = null;
            if (end.Status != "ready" || (provider == ScriptedAi.Provider && end.PageCount != ScriptedAi.PlanPages))
            {
                throw new InvalidOperationException(
                    $"Run {runId} of {provider}/{model} ended {end.Status} with {end.PageCount} pages: {end.ErrorMessage}");
            }
            return new PipelineSample(Stopwatch.GetElapsedTime(postedAt, end.At), timeline.Durations(postedAt, end), end.PageCount,
                context.Ai.CallsOf(runId));
        }
    }
}
