using Docsfy.Contracts;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Tells the API what a run is doing: stage changes, finished pages, and the end. Pages finish on several threads; each
/// message is built under a lock with the next sequence number, so a later sequence never carries an older page count
/// (the API drops whichever arrives out of order). Every event carries the run's attempt (docs/design/pipeline.md §12).
/// </summary>
/// <param name="publish">Publishes one event to the API (the bus in a worker, a recorder in unit tests).</param>
/// <param name="trace">The run's spans: each stage reported starts one, and each event is sent inside it.</param>
/// <param name="attempt">The attempt of the run this worker executes.</param>
public sealed class RunReporter(Func<object, CancellationToken, Task> publish, VariantKey variant, Guid runId,
    RunTrace? trace = null, int attempt = 1)
{
    private readonly RunSequence _sequence = new();
    private readonly Lock _state = new();
    private string _stage = RunStage.Cloning;
    private int _pageCount;
    private string? _planJson;

    public VariantKey Variant => variant;

    public Guid RunId => runId;

    /// <summary>What the run has spent so far; the terminal event reports it.</summary>
    public RunMeter Meter { get; } = new();

    /// <summary>The run's spans (AI calls go inside the current stage's).</summary>
    public RunTrace Trace { get; } = trace ?? RunTrace.None;

    public int Attempt => attempt;

    /// <summary>
    /// A later attempt continues where the API left the run: its events after the newest applied, its page count from
    /// the pages earlier attempts wrote (or the count clients saw, if higher), so nothing goes backwards.
    /// </summary>
    public void Resume(long lastSequence, int pageCount)
    {
        lock (_state)
        {
            _sequence.ContinueAfter(lastSequence);
            _pageCount = Math.Max(_pageCount, pageCount);
        }
    }

    public Task StageAsync(string stage, CancellationToken cancellationToken, string? planJson = null)
    {
        GenerationProgressed progress;
        lock (_state)
        {
            _stage = stage;
            _planJson = planJson ?? _planJson;
            progress = Progress();
            Trace.EnterStage(stage);
        }
        return Trace.Within(() => publish(progress, cancellationToken));
    }

    public Task PagesDoneAsync(int pageCount, CancellationToken cancellationToken)
    {
        GenerationProgressed progress;
        lock (_state)
        {
            _pageCount = Math.Max(_pageCount, pageCount);
            progress = Progress();
        }
        return Trace.Within(() => publish(progress, cancellationToken));
    }

    public Task FinishedAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        Trace.EndStages();
        Trace.Ended(outcome.Status);
        var finished = new GenerationFinished(variant, runId, _sequence.Next(), outcome.Status, outcome.PageCount,
            outcome.Status == VariantStatus.Ready ? DateTime.UtcNow : null, outcome.CommitSha, outcome.ErrorMessage, outcome.UpToDate,
            outcome.PlanJson, Meter.Snapshot(), outcome.LeftOut, attempt);
        return Trace.Within(() => publish(finished, cancellationToken));
    }

    private GenerationProgressed Progress() =>
        new(variant, runId, _sequence.Next(), _stage, _pageCount, _planJson, null, attempt);
}

/// <summary>
/// How a run ended. <see cref="ErrorMessage"/> is shown to users: short, no stack traces, no secrets. An up-to-date run
/// carries its base's plan, which a replacing variant takes over. <see cref="LeftOut"/> says what a ready site left out.
/// </summary>
public sealed record RunOutcome(string Status, int PageCount, string? CommitSha, string? ErrorMessage, bool UpToDate = false,
    string? PlanJson = null, string? LeftOut = null)
{
    public static RunOutcome Ready(int pageCount, string commitSha, string? leftOut = null) =>
        new(VariantStatus.Ready, pageCount, commitSha, null, LeftOut: leftOut);

    public static RunOutcome UpToDateWith(int pageCount, string commitSha, string planJson) =>
        new(VariantStatus.Ready, pageCount, commitSha, null, UpToDate: true, planJson);

    public static RunOutcome Failed(string message, string? commitSha = null) => new(VariantStatus.Error, 0, commitSha, message);

    public static RunOutcome Aborted() => new(VariantStatus.Aborted, 0, null, "Aborted.");
}
