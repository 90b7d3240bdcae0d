using Docsfy.Api.Hub;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// Applies one batch of a partition's events to PostgreSQL: heartbeats and every run's newest progress in one statement
/// each, then each terminal status in its own transaction (it may publish a site or replace a variant), then the runs
/// their workers gave back on shutting down are taken over (after their last progress, which came before). Returns the
/// hub messages for exactly what changed, in the order clients must see them.
/// </summary>
public sealed class RunEventApplier(VariantEventStore store, RunLifecycle lifecycle, ILogger<RunEventApplier> logger)
{
    /// <param name="broadcast">
    /// Receives what was applied, even when a later step of the batch fails: the batch is then retried, and what was
    /// already applied would be a no-op the second time, so this is its only chance to reach clients.
    /// </param>
    public async Task ApplyAsync(RunEventBatch batch, Func<IReadOnlyList<VariantEvent>, Task> broadcast,
        CancellationToken cancellationToken)
    {
        var events = new List<Sent<VariantEvent>>();
        try
        {
            await store.TouchAsync(batch.Heartbeats, cancellationToken);
            await ApplyProgressAsync(batch, events, cancellationToken);
            foreach (var finished in batch.Terminals)
            {
                await ApplyFinishedAsync(finished, events, cancellationToken);
            }
        }
        finally
        {
            if (events.Count > 0)
            {
                // In the order they were sent: within a run that is its sequence order, and across runs of the partition
                // a client sees events in the order the workers sent them.
                await broadcast([.. events.OrderBy(e => e.DeliveryTag).Select(e => e.Event)]);
            }
        }
        // The lifecycle announces a takeover itself; the batch's own progress went out first.
        foreach (var handedBack in batch.HandBacks)
        {
            await lifecycle.HandBackAsync(handedBack, cancellationToken);
        }
    }

    private async Task ApplyProgressAsync(RunEventBatch batch, List<Sent<VariantEvent>> events, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<Guid, long> applied;
        try
        {
            applied = await store.ApplyProgressAsync([.. batch.NewestProgress], cancellationToken);
        }
        catch (PostgresException exception) when (IsAboutTheData(exception))
        {
            // One event the rules let through but PostgreSQL refuses must not hold up the others: apply them one by one.
            logger.LogWarning("A batch of {Count} runs' progress was refused ({SqlState}); applying them one by one",
                batch.ProgressByRun.Count, exception.SqlState);
            applied = await ApplyEachAsync(batch, cancellationToken);
        }
        foreach (var (runId, previous) in applied)
        {
            events.AddRange(batch.ProgressByRun[runId].Where(p => p.Event.Sequence > previous)
                .Select(p => new Sent<VariantEvent>(VariantEvent.Progress(p.Event), p.DeliveryTag)));
        }
    }

    private async Task<IReadOnlyDictionary<Guid, long>> ApplyEachAsync(RunEventBatch batch, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<Guid, long>();
        foreach (var progress in batch.NewestProgress)
        {
            try
            {
                foreach (var (runId, previous) in await store.ApplyProgressAsync([progress], cancellationToken))
                {
                    applied[runId] = previous;
                }
            }
            catch (PostgresException exception) when (IsAboutTheData(exception))
            {
                logger.LogWarning("Dropped progress {Sequence} of run {RunId}: refused by PostgreSQL ({SqlState})",
                    progress.Sequence, progress.RunId, exception.SqlState);
            }
        }
        return applied;
    }

    private async Task ApplyFinishedAsync(Sent<GenerationFinished> sent, List<Sent<VariantEvent>> events,
        CancellationToken cancellationToken)
    {
        var finished = sent.Event;
        VariantEventStore.FinishedRow? row;
        try
        {
            row = await store.ApplyFinishedAsync(finished, cancellationToken);
        }
        catch (PostgresException exception) when (IsAboutTheData(exception))
        {
            logger.LogWarning("Dropped terminal status of run {RunId}: refused by PostgreSQL ({SqlState})",
                finished.RunId, exception.SqlState);
            return;
        }
        if (row is null)
        {
            logger.LogDebug("Ignored terminal status of run {RunId}: not the variant's running run", finished.RunId);
            return;
        }
        logger.LogInformation("Run {RunId} of {Project} ended {Status} after {AiCalls} AI calls", finished.RunId,
            finished.Variant.Name, finished.Status, finished.Usage?.AiCalls);
        if (row.ReplacedVariants > 0)
        {
            // The sync that follows the terminal status goes to the same viewers (same owner and name) without it.
            logger.LogInformation("Run {RunId} of {Project} replaced {Count} earlier variant(s) of branch {Branch}",
                finished.RunId, finished.Variant.Name, row.ReplacedVariants, finished.Variant.Branch);
        }
        events.Add(new Sent<VariantEvent>(
            VariantEvent.StatusChange(finished with { PageCount = row.PageCount }, row.LastGenerated, row.LastCommitSha), sent.DeliveryTag));
    }

    /// <summary>Data exceptions (class 22) and integrity violations (class 23) fail the same way on every retry.</summary>
    private static bool IsAboutTheData(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal) || exception.SqlState.StartsWith("23", StringComparison.Ordinal);
}
