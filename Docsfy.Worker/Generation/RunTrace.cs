using System.Diagnostics;
using Docsfy.Contracts;

namespace Docsfy.Worker.Generation;

/// <summary>
/// A run's spans (activity source <c>Docsfy.Worker</c>): one for the whole run, a child per pipeline stage, and under the
/// stage one per AI call. The run span is a child of MassTransit's consume span of <c>GenerateDocumentation</c>, so a
/// run continues the trace of the <c>POST /api/generate</c> that started it; the events the run sends are children of
/// the stage they report, and carry that context back to the API. Tags name the run, stage, provider and model only:
/// never a prompt, an answer, a path or a secret.
/// </summary>
public sealed class RunTrace : IDisposable
{
    public static readonly ActivitySource Source = new(Microsoft.Extensions.Hosting.TelemetrySources.Worker);

    private readonly Lock _lock = new();
    private readonly Activity? _run;
    private readonly Guid _runId;
    private Activity? _stage;

    private RunTrace(Activity? run, Guid runId) => (_run, _runId) = (run, runId);

    /// <summary>Starts the run span as a child of the current activity (the consume span).</summary>
    public static RunTrace Start(Guid runId, VariantKey variant)
    {
        var run = Source.StartActivity("generation run", ActivityKind.Internal);
        run?.SetTag(RunTraceTags.RunId, runId.ToString());
        run?.SetTag(RunTraceTags.Project, variant.Name);
        run?.SetTag(RunTraceTags.Provider, variant.Provider);
        run?.SetTag(RunTraceTags.Model, variant.Model);
        return new RunTrace(run, runId);
    }

    /// <summary>A trace that records nothing (unit tests, and runs no listener samples).</summary>
    public static RunTrace None { get; } = new(null, Guid.Empty);

    /// <summary>Where the run is now: the current stage's span, else the run's.</summary>
    public Activity? Current
    {
        get
        {
            lock (_lock)
            {
                return _stage ?? _run;
            }
        }
    }

    /// <summary>Ends the previous stage's span and starts the next one's, as a child of the run span.</summary>
    public void EnterStage(string stage)
    {
        if (_run is null)
        {
            return;
        }
        lock (_lock)
        {
            if (_stage?.GetTagItem(RunTraceTags.Stage) is string current && current == stage)
            {
                return;
            }
            _stage?.Stop();
            _stage = Source.StartActivity($"stage {stage}", ActivityKind.Internal, _run.Context);
            _stage?.SetTag(RunTraceTags.RunId, _runId.ToString());
            _stage?.SetTag(RunTraceTags.Stage, stage);
        }
    }

    /// <summary>A span for one AI call, inside the current stage; the caller ends it.</summary>
    public Activity? StartAiCall(string provider, string model)
    {
        var parent = Current;
        if (parent is null)
        {
            return null;
        }
        var call = Source.StartActivity($"ai {provider}", ActivityKind.Client, parent.Context);
        call?.SetTag(RunTraceTags.RunId, _runId.ToString());
        call?.SetTag(RunTraceTags.Stage, parent.GetTagItem(RunTraceTags.Stage));
        call?.SetTag(RunTraceTags.Provider, provider);
        call?.SetTag(RunTraceTags.Model, model);
        return call;
    }

    /// <summary>Ends the last stage; the terminal event is then sent under the run span itself.</summary>
    public void EndStages()
    {
        lock (_lock)
        {
            _stage?.Stop();
            _stage = null;
        }
    }

    /// <summary>Records how the run ended (its status word; a failure's message stays in the logs and the event).</summary>
    public void Ended(string status)
    {
        _run?.SetTag(RunTraceTags.Status, status);
        if (status == "error")
        {
            _run?.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>
    /// Runs <paramref name="send"/> with <see cref="Current"/> as the ambient activity, so MassTransit's send span (and
    /// the trace context it writes into the message) is a child of the stage the event reports.
    /// </summary>
    public Task Within(Func<Task> send)
    {
        var previous = Activity.Current;
        Activity.Current = Current ?? previous;
        try
        {
            // The async call captures the ambient activity when it starts; restoring ours afterwards does not touch it.
            return send();
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    public void Dispose()
    {
        EndStages();
        _run?.Stop();
    }
}
