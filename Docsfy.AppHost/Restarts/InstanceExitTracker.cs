using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Restarts;

/// <summary>
/// Follows one resource instance's states and tells an unexpected exit from a requested stop. The orchestrator puts an
/// instance it was asked to stop through <c>Stopping</c> before <c>Finished</c>; a process that dies on its own (a crash,
/// a SIGKILL, an exit with an error) goes straight from <c>Running</c> to <c>Finished</c> (or <c>Exited</c>).
/// </summary>
public sealed class InstanceExitTracker(RestartPolicy policy)
{
    private DateTimeOffset? _runningSince;
    private bool _stopRequested;
    private int _attempts;

    /// <summary>Takes the instance's next state; returns the exit when this state is the one that ends it.</summary>
    public InstanceExit? Observe(string? state, int? exitCode, DateTimeOffset now)
    {
        if (state == KnownResourceStates.Running)
        {
            if (_runningSince is null)
            {
                // A new run: whatever was asked of the previous one is done with.
                _runningSince = now;
                _stopRequested = false;
            }
            return null;
        }
        if (state == KnownResourceStates.Stopping)
        {
            _stopRequested = true;
            return null;
        }
        if (state != KnownResourceStates.Finished && state != KnownResourceStates.Exited)
        {
            return null;
        }
        if (_runningSince is not { } since)
        {
            // Repeats of the same end, or an instance that never ran (it failed to start: nothing to come back from).
            return null;
        }
        var uptime = now - since;
        _runningSince = null;
        if (_stopRequested)
        {
            // Whoever stopped it took over; a later crash starts the backoff afresh.
            _attempts = 0;
            return new InstanceExit(Requested: true, exitCode, uptime, Attempt: 0, Delay: TimeSpan.Zero);
        }
        _attempts = uptime >= policy.StableAfter ? 1 : _attempts + 1;
        return new InstanceExit(Requested: false, exitCode, uptime, _attempts, policy.DelayFor(_attempts));
    }
}
