using System.Collections.Concurrent;

namespace Docsfy.Api.Hub;

/// <summary>The newest event sequence this replica has delivered per run, so events never reach sockets backwards.</summary>
public sealed class RunSequenceTracker
{
    private const int MaxRuns = 10_000;
    private readonly ConcurrentDictionary<Guid, long> _newest = new();

    public bool TryAdvance(Guid runId, long sequence, bool terminal)
    {
        if (_newest.Count > MaxRuns)
        {
            // Old runs are long finished; forgetting them costs at most a stale progress after a restart of memory.
            _newest.Clear();
        }
        var target = terminal ? long.MaxValue : sequence;
        while (true)
        {
            if (!_newest.TryGetValue(runId, out var current))
            {
                if (_newest.TryAdd(runId, target))
                {
                    return true;
                }
                continue;
            }
            if (current >= target || current == long.MaxValue)
            {
                return false;
            }
            if (_newest.TryUpdate(runId, target, current))
            {
                return true;
            }
        }
    }
}
