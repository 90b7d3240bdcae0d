using RabbitMQ.Client;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// How long this replica has been able to hear worker events: since its event connection (<see cref="RunEventPartitions"/>)
/// last opened, or zero while it is closed. A worker's silence means it died only if the replica could have heard it, so
/// the watchdog judges no run while the broker is away, nor until the workers have had a heartbeat timeout to get
/// through again once it is back (architecture.md §6, Failures).
/// </summary>
public sealed class EventListening(TimeProvider time)
{
    private volatile Listening? _current;

    public void Connected(IConnection connection) => _current = new Listening(connection, time.GetUtcNow());

    public TimeSpan ListeningFor => _current is { Connection.IsOpen: true } current ? time.GetUtcNow() - current.Since : TimeSpan.Zero;

    private sealed record Listening(IConnection Connection, DateTimeOffset Since);
}
