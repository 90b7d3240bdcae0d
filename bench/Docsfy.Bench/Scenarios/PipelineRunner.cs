using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>Posts runs of one provider and model for a bench repository, as the admin, and times each over the hub.</summary>
public sealed class PipelineRunner(BenchContext context, BenchRepository repository, HubSocket socket, HttpClient http,
    HttpMessageInvoker invoker) : IAsyncDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Connects the admin's hub socket (waiting for its first sync) and an HTTP client for the API.</summary>
    public static async Task<PipelineRunner> OpenAsync(BenchContext context, BenchRepository repository)
    {
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseCookies = false });
        var socket = await HubSocket.ConnectAsync(context.Host.HubUri, invoker, CancellationToken.None);
        await socket.First.WaitAsync(TimeSpan.FromSeconds(60));
        var http = new HttpClient { BaseAddress = context.Host.ApiBaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchAppHost.AdminKey);
        return new PipelineRunner(context, repository, socket, http, invoker);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await socket.DisposeAsync();
        invoker.Dispose();
    }

    /// <summary>One warm-up run, then the configured number of measured runs, one after another.</summary>
    /// <param name="beforeEach">Runs before every run (e.g. commits a change), so each one has something to do.</param>
    public async Task<PipelineCase> MeasureAsync(string provider, string model, bool force = true, Action? beforeEach = null)
    {
        var samples = new List<PipelineSample>();
        var loadAverage = MachineInfo.LoadAverage();
        for (var run = 0; run <= context.Options.PipelineRuns; run++)
        {
            beforeEach?.Invoke();
            var sample = await RunOnceAsync(provider, model, force);
            BenchReport.Progress($"{provider}/{model} {(run == 0 ? "warm-up" : $"run {run}")}: {sample}");
            if (run > 0)
            {
                samples.Add(sample);
            }
        }
        return new PipelineCase(samples, loadAverage, MachineInfo.LoadAverage());
    }

    private async Task<PipelineSample> RunOnceAsync(string provider, string model, bool force)
    {
        var timeline = new RunTimeline(repository.Name, model);
        socket.Sink = timeline;
        var postedAt = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/generate", new Dictionary<string, object>
        {
            ["repo_path"] = repository.Path,
            ["ai_provider"] = provider,
            ["ai_model"] = model,
            ["force"] = force,
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

    /// <summary>The delay reaches the script through the worker's environment: changing it means restarting the worker.</summary>
    public static async Task UseAiDelayAsync(BenchContext context, double seconds)
    {
        if (context.Ai.DelaySeconds == seconds)
        {
            return;
        }
        BenchReport.Progress($"restarting the worker with an AI delay of {seconds} s");
        context.Ai.DelaySeconds = seconds;
        await context.Host.RestartWorkerAsync();
    }
}
