using System.Collections.Concurrent;
using System.Diagnostics;
using Docsfy.Contracts;
using Docsfy.Worker.Generation;

namespace Docsfy.WorkerTests.Generation;

/// <summary>A run's spans: the run, a span per stage under it, AI calls and sent events inside the current stage.</summary>
public sealed class RunTraceTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public RunTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Microsoft.Extensions.Hosting.TelemetrySources.Worker,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task Stages_nest_under_the_run_and_ai_calls_and_events_under_their_stage()
    {
        var runId = Guid.NewGuid();
        var sentUnder = new List<(object Message, string? Stage)>();
        Activity run;
        using (var trace = RunTrace.Start(runId, new VariantKey("demo", "main", "claude", "sonnet", "ada")))
        {
            run = trace.Current!;
            var reporter = new RunReporter((message, _) =>
            {
                sentUnder.Add((message, Activity.Current?.GetTagItem(RunTraceTags.Stage) as string));
                return Task.CompletedTask;
            }, new VariantKey("demo", "main", "claude", "sonnet", "ada"), runId, trace);

            await reporter.StageAsync("cloning", CancellationToken.None);
            await reporter.StageAsync("planning", CancellationToken.None);
            using (trace.StartAiCall("claude", "sonnet"))
            {
            }
            await reporter.StageAsync("planning", CancellationToken.None); // the same stage again: still one span
            await reporter.StageAsync("generating_pages", CancellationToken.None);
            await reporter.PagesDoneAsync(1, CancellationToken.None);
            await reporter.FinishedAsync(RunOutcome.Ready(1, "abc"), CancellationToken.None);
        }

        var spans = _stopped.Where(span => span.TraceId == run.TraceId).ToList();
        var stages = spans.Where(span => span.OperationName.StartsWith("stage ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["cloning", "planning", "generating_pages"], stages.Select(span => span.GetTagItem(RunTraceTags.Stage)));
        Assert.All(stages, stage => Assert.Equal(run.SpanId, stage.ParentSpanId));
        var call = Assert.Single(spans, span => span.OperationName == "ai claude");
        Assert.Equal(stages[1].SpanId, call.ParentSpanId);
        Assert.Equal(("planning", "claude", "sonnet", runId.ToString()), (call.GetTagItem(RunTraceTags.Stage), call.GetTagItem(RunTraceTags.Provider),
            call.GetTagItem(RunTraceTags.Model), call.GetTagItem(RunTraceTags.RunId)));
        Assert.Equal("ready", run.GetTagItem(RunTraceTags.Status));

        // Each event is sent inside the stage it reports; the end is sent under the run once the last stage closed.
        Assert.Equal(["cloning", "planning", "planning", "generating_pages", "generating_pages", null], sentUnder.Select(sent => sent.Stage));
        Assert.IsType<GenerationFinished>(sentUnder[^1].Message);
    }

    public void Dispose() => _listener.Dispose();
}
