using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Hub;

/// <summary>
/// Each replica's own temporary broadcast queue, delivered one message at a time so a stage change is never overtaken by
/// an older one.
/// </summary>
public sealed class HubBroadcastConsumerDefinition : ConsumerDefinition<HubBroadcastConsumer>
{
    public HubBroadcastConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = Queues.HubBroadcast;
        endpoint.Temporary = true;
        endpoint.InstanceId = ReplicaIdentity.Id;
        endpoint.ConcurrentMessageLimit = 1;
    });
}
