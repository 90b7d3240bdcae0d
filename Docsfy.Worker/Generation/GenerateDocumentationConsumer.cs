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
