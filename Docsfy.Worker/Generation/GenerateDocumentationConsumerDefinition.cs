using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Runs come from one queue shared by all workers, one message at a time: the consumer waits for a free run slot before
/// taking the next, so a busy worker leaves queued runs to idle ones.
/// </summary>
public sealed class GenerateDocumentationConsumerDefinition : ConsumerDefinition<GenerateDocumentationConsumer>
{
    public GenerateDocumentationConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = Queues.Generation;
        endpoint.ConcurrentMessageLimit = 1;
        endpoint.PrefetchCount = 1;
    });
}
