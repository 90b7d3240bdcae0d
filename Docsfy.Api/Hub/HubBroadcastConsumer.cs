using System.Net.WebSockets;
using System.Text;
using MassTransit;

namespace Docsfy.Api.Hub;

/// <summary>
/// Delivers broadcasts to this replica's sockets. It runs on a temporary queue of this replica alone, so every replica
/// gets every broadcast once and writes it only to its own connections.
/// </summary>
public sealed class HubBroadcastConsumer(HubConnectionRegistry registry, HubSync sync, RunSequenceTracker sequences)
    : IConsumer<VariantEventBroadcast>, IConsumer<UserResyncRequested>, IConsumer<UserDisconnectRequested>,
      IConsumer<ProjectResyncRequested>
{
    public async Task Consume(ConsumeContext<VariantEventBroadcast> context)
    {
        var broadcast = context.Message;
        // Two replicas apply a run's events concurrently; an older one may be broadcast after a newer one.
        if (!sequences.TryAdvance(broadcast.RunId, broadcast.Sequence, broadcast.IsTerminal))
        {
            return;
        }

        var payload = Encoding.UTF8.GetBytes(broadcast.Payload);
        var recipients = registry.All.Where(c => c.CanSee(broadcast.Name, broadcast.Owner)).ToList();
        foreach (var connection in recipients)
        {
            connection.Enqueue(payload, broadcast.CoalesceKey);
        }
        if (broadcast.IsTerminal)
        {
            // Every status_change is followed by a fresh sync.
            await sync.SendAsync(recipients, context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<UserResyncRequested> context) =>
        sync.SendToUserAsync(context.Message.Username, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectResyncRequested> context)
    {
        var (name, owner, usernames) = context.Message;
        var recipients = registry.All
            .Where(c => c.CanSee(name, owner) || usernames.Contains(c.Caller.Username, StringComparer.OrdinalIgnoreCase))
            .ToList();
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
}
