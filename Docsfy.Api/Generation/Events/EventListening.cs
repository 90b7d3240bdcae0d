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

    /// <summary>A new event connection opened; <paramref name="isOpen"/> tells whether it still is.</summary>
    public void Connected(Func<bool> isOpen) => _current = new Listening(isOpen, time.GetUtcNow());

    public TimeSpan ListeningFor => _current is { } current && current.IsOpen() ? time.GetUtcNow() - current.Since : TimeSpan.Zero;

    private sealed record Listening(Func<bool> IsOpen, DateTimeOffset Since);
}
