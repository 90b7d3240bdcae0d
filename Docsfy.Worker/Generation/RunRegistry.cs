using System.Collections.Concurrent;

namespace Docsfy.Worker.Generation;

/// <summary>
/// The runs this worker is executing, so an abort (from any API replica) or a shutdown can stop them, and the number of
/// runs at once stays within <see cref="WorkerOptions.MaxConcurrentRuns"/>.
/// </summary>
public sealed class RunRegistry(Microsoft.Extensions.Options.IOptions<WorkerOptions> options)
{
    private readonly ConcurrentDictionary<Guid, RunHandle> _runs = new();
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentRuns));
    private volatile bool _closed;

    /// <summary>
    /// Waits for a free run slot. Once the worker is shutting down (<see cref="Close"/>) there is none: the run waits
    /// unacknowledged until the bus stops and goes back to the queue, so a run this worker just handed back (or any other)
    /// is taken by a worker that stays.
    /// </summary>
    public async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        if (_closed)
        {
            _slots.Release();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    /// <summary>Takes no more runs: this worker is shutting down.</summary>
    public void Close() => _closed = true;

    public void ReleaseSlot() => _slots.Release();

    public RunHandle Register(Guid runId)
    {
        var handle = new RunHandle(runId);
        _runs[runId] = handle;
        return handle;
    }

    public void Remove(RunHandle handle)
    {
        _runs.TryRemove(new KeyValuePair<Guid, RunHandle>(handle.RunId, handle));
        handle.Dispose();
    }

    /// <summary>Stops the run if this worker has it; other workers ignore the abort.</summary>
    public bool Abort(Guid runId, StopReason reason)
    {
        if (!_runs.TryGetValue(runId, out var handle))
        {
            return false;
        }
        handle.Stop(reason);
        return true;
    }

    public IReadOnlyCollection<RunHandle> Running => [.. _runs.Values];
}

/// <summary>Why a run was stopped before it finished.</summary>
public enum StopReason
{
    None,
    Aborted,
    WorkerStopping,
}

/// <summary>One running run: its cancellation and why it was cancelled.</summary>
public sealed class RunHandle(Guid runId) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _reason;

    public Guid RunId => runId;

    public CancellationToken Stopping => _stop.Token;

    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    public Task Completion { get; set; } = Task.CompletedTask;

    public void Stop(StopReason reason)
    {
        Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run finished in the meantime.
        }
    }

    public void Dispose() => _stop.Dispose();
}
