using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Cloning;

/// <summary>Any worker answers; a head check is one short, bounded round trip to the repository.</summary>
public sealed class ResolveBranchHeadConsumerDefinition : ConsumerDefinition<ResolveBranchHeadConsumer>
{
    public ResolveBranchHeadConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = Queues.HeadCheck;
        endpoint.ConcurrentMessageLimit = 4;
    });
}
