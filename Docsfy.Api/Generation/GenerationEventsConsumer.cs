using Docsfy.Api.Hub;
using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Generation;

/// <summary>
/// Applies the worker's events to PostgreSQL. All API replicas share this consumer's queue, so each event is applied by
/// one of them; what changed is then broadcast to every replica's sockets.
/// </summary>
public sealed class GenerationEventsConsumer(VariantEventStore store, RunStore runs, ILogger<GenerationEventsConsumer> logger)
    : IConsumer<GenerationProgressed>, IConsumer<GenerationFinished>, IConsumer<GenerationHeartbeat>
{
    public const string QueueName = "generation-events";

    public async Task Consume(ConsumeContext<GenerationProgressed> context)
    {
        var progress = context.Message;
        if (GenerationEventRules.Problem(progress) is { } problem)
        {
            logger.LogWarning("Dropped progress of run {RunId}: {Problem}", progress.RunId, problem);
            return;
        }
        if (!await store.ApplyProgressAsync(progress, context.CancellationToken))
        {
            logger.LogDebug("Ignored stale or foreign progress {Sequence} of run {RunId}", progress.Sequence, progress.RunId);
            return;
        }
        await context.Publish(new VariantEventBroadcast(progress.Variant.Name, progress.Variant.Owner, progress.RunId,
            progress.Sequence, IsTerminal: false, $"{progress.RunId:N}/{progress.Stage}", HubPayloads.Progress(progress)),
            context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<GenerationFinished> context)
    {
        var finished = context.Message;
        if (GenerationEventRules.Problem(finished) is { } problem)
        {
            logger.LogWarning("Dropped terminal status of run {RunId}: {Problem}", finished.RunId, problem);
            return;
        }
        if (await store.ApplyFinishedAsync(finished, context.CancellationToken) is not { } row)
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
        await context.Publish(new VariantEventBroadcast(finished.Variant.Name, finished.Variant.Owner, finished.RunId,
            finished.Sequence, IsTerminal: true, CoalesceKey: null,
            HubPayloads.StatusChange(finished with { PageCount = row.PageCount }, row.LastGenerated, row.LastCommitSha)),
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<GenerationHeartbeat> context) => runs.TouchAsync(context.Message.RunId, context.CancellationToken);
}
