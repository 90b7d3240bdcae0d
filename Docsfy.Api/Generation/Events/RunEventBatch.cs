using Docsfy.Contracts;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// What one batch of a partition's events asks of the database and the hub, worked out before either is touched.
/// Events are put in each run's sequence order first, so a batch is right however its deliveries were interleaved.
/// Progress is coalesced: the database needs only each run's newest state, and clients only the newest of consecutive
/// events of one stage (a stage change is never merged into another stage). Terminal statuses are never merged or dropped here.
/// </summary>
public sealed class RunEventBatch
{
    private RunEventBatch(IReadOnlyList<Guid> heartbeats, IReadOnlyDictionary<Guid, IReadOnlyList<GenerationProgressed>> progress,
        IReadOnlyList<GenerationFinished> terminals)
    {
        Heartbeats = heartbeats;
        ProgressByRun = progress;
        Terminals = terminals;
    }

    /// <summary>Runs that only said they are alive in this batch.</summary>
    public IReadOnlyList<Guid> Heartbeats { get; }

    /// <summary>Per run, its progress events in sequence order, one per stage (the newest of each).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<GenerationProgressed>> ProgressByRun { get; }

    /// <summary>Terminal statuses in sequence order within each run.</summary>
    public IReadOnlyList<GenerationFinished> Terminals { get; }

    /// <summary>The state each run's row should take: its newest progress, carrying the newest plan of the batch.</summary>
    public IEnumerable<GenerationProgressed> NewestProgress => ProgressByRun.Values.Select(events => events[^1]);

    public static RunEventBatch From(IEnumerable<RunEvent> events)
    {
        var heartbeats = new HashSet<Guid>();
        var progress = new Dictionary<Guid, List<GenerationProgressed>>();
        var terminals = new List<GenerationFinished>();
        foreach (var item in events)
        {
            if (item.Progress is { } p)
            {
                if (!progress.TryGetValue(p.RunId, out var list))
                {
                    progress[p.RunId] = list = [];
                }
                list.Add(p);
            }
            else if (item.Finished is { } finished)
            {
                terminals.Add(finished);
            }
            else if (item.Heartbeat is { } heartbeat)
            {
                heartbeats.Add(heartbeat.RunId);
            }
        }
        heartbeats.ExceptWith(progress.Keys);
        return new RunEventBatch(
            [.. heartbeats],
            progress.ToDictionary(pair => pair.Key, pair => Coalesce(pair.Value)),
            [.. terminals.OrderBy(t => t.RunId).ThenBy(t => t.Sequence)]);
    }

    /// <summary>
    /// Sorts one run's progress by sequence, drops duplicates, keeps the newest event of each stage, and lets every
    /// kept event carry the newest plan sent up to it (a plan may have come with an event that was coalesced away).
    /// </summary>
    private static IReadOnlyList<GenerationProgressed> Coalesce(List<GenerationProgressed> events)
    {
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var kept = new List<GenerationProgressed>();
        string? plan = null;
        foreach (var current in events)
        {
            plan = current.PlanJson ?? plan;
            var withPlan = current.PlanJson is null && plan is not null ? current with { PlanJson = plan } : current;
            if (kept.Count > 0 && kept[^1].Sequence == current.Sequence)
            {
                continue;
            }
            if (kept.Count > 0 && kept[^1].Stage == current.Stage)
            {
                kept[^1] = withPlan;
            }
            else
            {
                kept.Add(withPlan);
            }
        }
        return kept;
    }
}
