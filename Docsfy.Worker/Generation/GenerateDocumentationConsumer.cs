using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Takes a run off the shared queue once this worker has a free slot, and starts it. The message is acknowledged when the
/// run starts, not when it ends: runs last longer than RabbitMQ lets a delivery stay unacknowledged. A worker that dies
/// mid-run stops sending heartbeats, and the API ends the run as <c>error</c> after <c>Generation:HeartbeatTimeout</c>.
/// </summary>
public sealed class GenerateDocumentationConsumer(RunRegistry registry, RunExecutor executor) : IConsumer<GenerateDocumentation>
{
    public async Task Consume(ConsumeContext<GenerateDocumentation> context)
    {
        await registry.WaitForSlotAsync(context.CancellationToken);
        executor.Start(context.Message);
    }
}

/// <summary>Every worker hears every abort on its own temporary queue; the one running the run stops it.</summary>
public sealed class AbortGenerationConsumer(RunRegistry registry, ILogger<AbortGenerationConsumer> logger) : IConsumer<AbortGeneration>
{
    public Task Consume(ConsumeContext<AbortGeneration> context)
    {
        if (registry.Abort(context.Message.RunId, StopReason.Aborted))
        {
            logger.LogInformation("Aborting run {RunId}", context.Message.RunId);
        }
        return Task.CompletedTask;
    }
}
