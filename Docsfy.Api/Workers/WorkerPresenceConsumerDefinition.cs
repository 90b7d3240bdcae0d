using Docsfy.Api.Hub;
using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Workers;

/// <summary>Each replica's own temporary queue, so every replica hears every worker.</summary>
public sealed class WorkerPresenceConsumerDefinition : ConsumerDefinition<WorkerPresenceConsumer>
{
    public WorkerPresenceConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.Name = Queues.WorkerPresence;
        endpoint.Temporary = true;
        endpoint.InstanceId = ReplicaIdentity.Id;
    });
}
