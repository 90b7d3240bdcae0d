using System.Net.WebSockets;
using System.Text;
using Docsfy.Api.Generation.Events;
using Docsfy.Api.Telemetry;
using MassTransit;

namespace Docsfy.Api.Hub;

/// <summary>
/// Delivers broadcasts to this replica's sockets. It runs on a temporary queue of this replica alone, so every replica
/// gets every broadcast once and writes it only to its own connections.
/// </summary>
public sealed class HubBroadcastConsumer(HubConnectionRegistry registry, HubSync sync, RunSequenceTracker sequences,
    ReplicaMembership membership)
    : IConsumer<VariantEventsBroadcast>, IConsumer<UserResyncRequested>, IConsumer<UserDisconnectRequested>,
      IConsumer<ProjectResyncRequested>, IConsumer<ApiReplicaAlive>
{
    public async Task Consume(ConsumeContext<VariantEventsBroadcast> context)
    {
        // A child of MassTransit's consume span, which continues the trace of the batch that published the broadcast.
        using var fanOut = ApiTelemetry.Source.StartActivity("hub fan-out");
        fanOut?.SetTag("docsfy.events", context.Message.Events.Count);
        var sent = 0;
        var viewers = new Dictionary<(string Name, string Owner), IReadOnlyList<HubConnection>>();
        var resync = new HashSet<HubConnection>();
        foreach (var variantEvent in context.Message.Events)
        {
            // A run's events can reach this replica twice or late (a partition moving between replicas, a redelivery).
            if (!sequences.TryAdvance(variantEvent.RunId, variantEvent.Sequence, variantEvent.IsTerminal))
            {
                continue;
            }
            if (!variantEvent.IsTerminal && resync.Count > 0)
            {
                // Every status_change is followed by a fresh sync before anything else of the batch: adjacent terminal
                // statuses share one.
                await sync.SendAsync(resync, context.CancellationToken);
                resync.Clear();
            }
            var key = (variantEvent.Name, variantEvent.Owner);
            if (!viewers.TryGetValue(key, out var recipients))
            {
                viewers[key] = recipients = registry.Viewers(variantEvent.Name, variantEvent.Owner);
            }
            // Serialized once per event, shared by every recipient.
            var payload = Encoding.UTF8.GetBytes(variantEvent.Payload);
            foreach (var connection in recipients)
            {
                connection.Enqueue(payload, variantEvent.CoalesceKey);
            }
            sent += recipients.Count;
            if (variantEvent.IsTerminal)
            {
                resync.UnionWith(recipients);
            }
        }
        if (resync.Count > 0)
        {
            await sync.SendAsync(resync, context.CancellationToken);
        }
        fanOut?.SetTag("docsfy.messages_queued", sent);
    }

    public Task Consume(ConsumeContext<UserResyncRequested> context) =>
        sync.SendToUserAsync(context.Message.Username, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectResyncRequested> context)
    {
        var (name, owner, usernames) = context.Message;
        var recipients = registry.Viewers(name, owner).Concat(usernames.SelectMany(registry.Of)).Distinct().ToList();
        return sync.SendAsync(recipients, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<UserDisconnectRequested> context)
    {
        foreach (var connection in registry.Of(context.Message.Username))
        {
            connection.RequestClose(WebSocketCloseStatus.PolicyViolation);
        }
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ApiReplicaAlive> context)
    {
        membership.Heard(context.Message.ReplicaId);
        return Task.CompletedTask;
    }
}
