using Docsfy.Contracts;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// What one batch of a partition's events asks of the database and the hub, worked out before either is touched.
/// Events are put in each run's sequence order first, so a batch is right however its deliveries were interleaved.
/// Progress is coalesced: the database needs only each run's newest state, and clients only the newest of consecutive
/// events of one stage (a stage change is never merged into another stage). Terminal statuses are never merged or
/// dropped here. Every kept event remembers its delivery tag, so clients get them in the order they were sent.
/// Attempts only rise (docs/design/pipeline.md §12): when a batch holds events of several attempts of one run, only the
/// newest attempt's are kept, since the older ones are stale whatever the database says; the database then refuses
/// those of an attempt older than the run's current one.
/// </summary>
public sealed class RunEventBatch
{
    private RunEventBatch(IReadOnlyList<RunAttempt> heartbeats, IReadOnlyDictionary<Guid, IReadOnlyList<Sent<GenerationProgressed>>> progress,
        IReadOnlyList<Sent<GenerationFinished>> terminals, IReadOnlyList<GenerationHandedBack> handBacks)
    {
        Heartbeats = heartbeats;
        ProgressByRun = progress;
        Terminals = terminals;
        HandBacks = handBacks;
    }

    /// <summary>Runs (with the attempt that sent it) that only said they are alive in this batch.</summary>
    public IReadOnlyList<RunAttempt> Heartbeats { get; }

    /// <summary>Runs their worker gave back on shutting down, to be taken over after everything else of the batch.</summary>
    public IReadOnlyList<GenerationHandedBack> HandBacks { get; }

    /// <summary>Per run, its progress events in sequence order, consecutive ones of a stage merged into the newest.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<Sent<GenerationProgressed>>> ProgressByRun { get; }

    /// <summary>Terminal statuses in the order they were delivered.</summary>
    public IReadOnlyList<Sent<GenerationFinished>> Terminals { get; }

    /// <summary>The state each run's row should take: its newest progress, carrying the newest plan of the batch.</summary>
    public IEnumerable<GenerationProgressed> NewestProgress => ProgressByRun.Values.Select(events => events[^1].Event);

    public static RunEventBatch From(IEnumerable<RunEvent> events)
    {
        var all = events as IReadOnlyCollection<RunEvent> ?? [.. events];
        var newest = NewestAttempts(all);
        bool IsNewest(Guid runId, int attempt) => newest[runId] == attempt;
        var heartbeats = new Dictionary<Guid, int>();
        var progress = new Dictionary<Guid, List<Sent<GenerationProgressed>>>();
        var terminals = new List<Sent<GenerationFinished>>();
        var handBacks = new List<GenerationHandedBack>();
        foreach (var item in all)
        {
            if (item.Progress is { } p && IsNewest(p.RunId, p.Attempt))
            {
                if (!progress.TryGetValue(p.RunId, out var list))
                {
                    progress[p.RunId] = list = [];
                }
                list.Add(new Sent<GenerationProgressed>(p, item.DeliveryTag));
            }
            else if (item.Finished is { } finished && IsNewest(finished.RunId, finished.Attempt))
            {
                terminals.Add(new Sent<GenerationFinished>(finished, item.DeliveryTag));
            }
            else if (item.Heartbeat is { } heartbeat && IsNewest(heartbeat.RunId, heartbeat.Attempt))
            {
                heartbeats[heartbeat.RunId] = heartbeat.Attempt;
            }
            else if (item.HandedBack is { } handedBack && IsNewest(handedBack.RunId, handedBack.Attempt)
                     && !handBacks.Any(h => h.RunId == handedBack.RunId))
            {
                handBacks.Add(handedBack);
            }
        }
        return new RunEventBatch(
            [.. heartbeats.Where(pair => !progress.ContainsKey(pair.Key)).Select(pair => new RunAttempt(pair.Key, pair.Value))],
            progress.ToDictionary(pair => pair.Key, pair => Coalesce(pair.Value)), terminals, handBacks);
    }

    /// <summary>The newest attempt each run's events in the batch come from.</summary>
    private static Dictionary<Guid, int> NewestAttempts(IEnumerable<RunEvent> events)
    {
        var newest = new Dictionary<Guid, int>();
        foreach (var (runId, attempt) in events.Select(AttemptOf).OfType<RunAttempt>())
        {
            newest[runId] = Math.Max(attempt, newest.GetValueOrDefault(runId));
        }
        return newest;
    }

    private static RunAttempt? AttemptOf(RunEvent item) =>
        item.Progress is { } p ? new RunAttempt(p.RunId, p.Attempt)
        : item.Finished is { } f ? new RunAttempt(f.RunId, f.Attempt)
        : item.Heartbeat is { } h ? new RunAttempt(h.RunId, h.Attempt)
        : item.HandedBack is { } b ? new RunAttempt(b.RunId, b.Attempt)
        : null;

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

/// <summary>One attempt of a run (docs/design/pipeline.md §12).</summary>
public readonly record struct RunAttempt(Guid RunId, int Attempt);
