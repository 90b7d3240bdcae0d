using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Generation;

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
