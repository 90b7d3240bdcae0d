using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Watches one clone: LibGit2Sharp blocks its thread, so the only ways to stop it are its progress callbacks returning
/// false. They do so when the caller cancels, the time limit passes or the transfer grows past the size limit; the
/// guard remembers which, so the clone can fail with the right reason.
/// </summary>
/// <remarks>
/// A clone thread can outlive the caller's wait (it is abandoned when blocked where no callback runs), so the guard is
/// disposed only once that thread has finished: its callbacks must never meet a disposed token source.
/// </remarks>
internal sealed class CloneGuard : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _timeLimit;
    private readonly CancellationTokenSource _limits;
    private readonly CloningOptions _options;
    private long _receivedBytes;
    private volatile bool _tooLarge;

    public CloneGuard(CloningOptions options, CancellationToken caller)
    {
        _options = options;
        _caller = caller;
        _timeLimit = new CancellationTokenSource(options.Timeout);
        _limits = CancellationTokenSource.CreateLinkedTokenSource(caller, _timeLimit.Token);
        Deadline = _limits.Token;
    }

    /// <summary>Fires when the caller cancels or the time limit passes.</summary>
    public CancellationToken Deadline { get; }

    public bool ShouldStop => _tooLarge || Deadline.IsCancellationRequested;

    public bool OnTransferProgress(TransferProgress progress)
    {
        Interlocked.Exchange(ref _receivedBytes, progress.ReceivedBytes);
        if (progress.ReceivedBytes > _options.MaxBytes)
        {
            _tooLarge = true;
        }
        return !ShouldStop;
    }

    /// <summary>Server messages ("Counting objects...") arrive before any pack data: a chance to stop early.</summary>
    public bool OnServerMessage(string message) => !ShouldStop;

    public void ThrowIfStopped()
    {
        if (ShouldStop)
        {
            throw Failure();
        }
    }

    /// <summary>The exception that says why the clone was stopped.</summary>
    public Exception Failure(Exception? inner = null)
    {
        if (_caller.IsCancellationRequested)
        {
            return new OperationCanceledException("The clone was cancelled.", inner, _caller);
        }
        if (_tooLarge)
        {
            return TooLarge(inner);
        }
        if (_timeLimit.IsCancellationRequested)
        {
            return new CloneFailedException(
                $"The repository could not be cloned within the time limit ({_options.Timeout.TotalMinutes:0.##} minutes).", inner);
        }
        return new CloneFailedException("The clone was stopped.", inner);
    }

    public CloneFailedException TooLarge(Exception? inner = null) =>
        new($"The repository is larger than the size limit ({Megabytes(_options.MaxBytes)}).", inner);

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    public void Dispose()
    {
        _limits.Dispose();
        _timeLimit.Dispose();
    }
}
