using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Worker.Cloning;

/// <summary>Any worker answers; a listing is short and bounded by the clone time limit.</summary>
public sealed class ListBranchesConsumerDefinition : ConsumerDefinition<ListBranchesConsumer>
{
    public ListBranchesConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = Queues.BranchListing;
        endpoint.ConcurrentMessageLimit = 4;
    });
}
