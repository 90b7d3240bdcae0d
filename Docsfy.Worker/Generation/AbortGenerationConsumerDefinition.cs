using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Generation;

/// <summary>Each worker has its own temporary queue for aborts, bound to the exchange every abort is published to.</summary>
public sealed class AbortGenerationConsumerDefinition : ConsumerDefinition<AbortGenerationConsumer>
{
    public AbortGenerationConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = Queues.WorkerAbort;
        endpoint.Temporary = true;
        endpoint.InstanceId = Guid.NewGuid().ToString("N");
    });
}
