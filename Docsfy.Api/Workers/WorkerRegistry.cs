using System.Collections.Concurrent;
using Docsfy.Contracts;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Workers;

/// <summary>
/// The workers this replica has heard from recently. Every replica hears every announcement (each has its own queue), so
/// each knows the same workers without asking the database; a replica that just started knows them within one
/// announcement interval.
/// </summary>
public sealed class WorkerRegistry(IOptions<WorkerPresenceOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (WorkerAlive Report, DateTimeOffset SeenAt)> _workers = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private long _lastAliveTicks;

    public void Heard(WorkerAlive report)
    {
        var now = time.GetUtcNow();
        _workers[report.WorkerId] = (report, now);
        Interlocked.Exchange(ref _lastAliveTicks, now.UtcTicks);
    }

    public void Stopped(string workerId) => _workers.TryRemove(workerId, out _);

    /// <summary>The workers heard from within the presence timeout, newest first by start.</summary>
    public IReadOnlyList<WorkerPresenceView> Alive()
    {
        var now = time.GetUtcNow();
        var alive = new List<WorkerPresenceView>();
        foreach (var (id, (report, seenAt)) in _workers)
        {
            if (now - seenAt > options.Value.PresenceTimeout)
            {
                // Forget it, unless it spoke again meanwhile.
                _workers.TryRemove(new KeyValuePair<string, (WorkerAlive, DateTimeOffset)>(id, (report, seenAt)));
                continue;
            }
            alive.Add(WorkerPresenceView.From(report, seenAt));
        }
        return [.. alive.OrderByDescending(worker => worker.StartedAt).ThenBy(worker => worker.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How long no worker has been alive on this replica's knowledge: zero while one is, else the time since the last one
    /// went quiet (or since this replica started, if it never heard one).
    /// </summary>
    public TimeSpan NoWorkerFor()
    {
        if (Alive().Count > 0)
        {
            return TimeSpan.Zero;
        }
        var lastTicks = Interlocked.Read(ref _lastAliveTicks);
        var since = lastTicks == 0 ? _startedAt : new DateTimeOffset(lastTicks, TimeSpan.Zero) + options.Value.PresenceTimeout;
        var gone = time.GetUtcNow() - (since > _startedAt ? since : _startedAt);
        return gone > TimeSpan.Zero ? gone : TimeSpan.Zero;
    }
}
