using Docsfy.Contracts;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// What one batch of a partition's events asks of the database and the hub, worked out before either is touched.
/// Events are put in each run's sequence order first, so a batch is right however its deliveries were interleaved.
/// Progress is coalesced: the database needs only each run's newest state, and clients only the newest of consecutive
/// events of one stage (a stage change is never merged into another stage). Terminal statuses are never merged or
/// dropped here. Every kept event remembers its delivery tag, so clients get them in the order they were sent.
/// </summary>
public sealed class RunEventBatch
{
    private RunEventBatch(IReadOnlyList<Guid> heartbeats, IReadOnlyDictionary<Guid, IReadOnlyList<Sent<GenerationProgressed>>> progress,
        IReadOnlyList<Sent<GenerationFinished>> terminals)
    {
        Heartbeats = heartbeats;
        ProgressByRun = progress;
        Terminals = terminals;
    }

    /// <summary>Runs that only said they are alive in this batch.</summary>
    public IReadOnlyList<Guid> Heartbeats { get; }

    /// <summary>Per run, its progress events in sequence order, consecutive ones of a stage merged into the newest.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<Sent<GenerationProgressed>>> ProgressByRun { get; }

    /// <summary>Terminal statuses in the order they were delivered.</summary>
    public IReadOnlyList<Sent<GenerationFinished>> Terminals { get; }

    /// <summary>The state each run's row should take: its newest progress, carrying the newest plan of the batch.</summary>
    public IEnumerable<GenerationProgressed> NewestProgress => ProgressByRun.Values.Select(events => events[^1].Event);

    public static RunEventBatch From(IEnumerable<RunEvent> events)
    {
        var heartbeats = new HashSet<Guid>();
        var progress = new Dictionary<Guid, List<Sent<GenerationProgressed>>>();
        var terminals = new List<Sent<GenerationFinished>>();
        foreach (var item in events)
        {
            if (item.Progress is { } p)
            {
                if (!progress.TryGetValue(p.RunId, out var list))
                {
                    progress[p.RunId] = list = [];
                }
                list.Add(new Sent<GenerationProgressed>(p, item.DeliveryTag));
            }
            else if (item.Finished is { } finished)
            {
                terminals.Add(new Sent<GenerationFinished>(finished, item.DeliveryTag));
            }
            else if (item.Heartbeat is { } heartbeat)
            {
                heartbeats.Add(heartbeat.RunId);
            }
        }
        heartbeats.ExceptWith(progress.Keys);
        return new RunEventBatch([.. heartbeats], progress.ToDictionary(pair => pair.Key, pair => Coalesce(pair.Value)), terminals);
    }

    /// <summary>
    /// Sorts one run's progress by sequence, drops duplicates, merges consecutive events of one stage into the newest,
    /// and lets every kept event carry the newest plan sent up to it (a plan may have come with a merged event).
    /// </summary>
    private static IReadOnlyList<Sent<GenerationProgressed>> Coalesce(List<Sent<GenerationProgressed>> events)
    {
        events.Sort((a, b) => a.Event.Sequence.CompareTo(b.Event.Sequence));
        var kept = new List<Sent<GenerationProgressed>>();
        string? plan = null;
        foreach (var current in events)
        {
            plan = current.Event.PlanJson ?? plan;
            if (kept.Count > 0 && kept[^1].Event.Sequence == current.Event.Sequence)
            {
                continue;
            }
            var withPlan = current.Event.PlanJson is null && plan is not null ? current with { Event = current.Event with { PlanJson = plan } } : current;
            if (kept.Count > 0 && kept[^1].Event.Stage == current.Event.Stage)
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

/// <summary>An event and the delivery tag it came with (its place in the partition's order).</summary>
public sealed record Sent<T>(T Event, ulong DeliveryTag);
