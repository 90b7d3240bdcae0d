using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Takes a run off the shared queue once this worker has a free slot, and starts it. The message is acknowledged when the
/// run starts, not when it ends: runs last longer than RabbitMQ lets a delivery stay unacknowledged. A worker that dies
/// mid-run stops sending heartbeats, and after <c>Generation:HeartbeatTimeout</c> the API sends the run again as its next
/// attempt, which continues from its checkpoint (docs/design/pipeline.md §12).
/// </summary>
public sealed class GenerateDocumentationConsumer(RunRegistry registry, RunExecutor executor) : IConsumer<GenerateDocumentation>
{
    public async Task Consume(ConsumeContext<GenerateDocumentation> context)
    {
        await registry.WaitForSlotAsync(context.CancellationToken);
        executor.Start(context.Message);
    }
}
