using System.Diagnostics;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// When each event was handed to MassTransit, indexed by event number. The number travels to the clients as the
/// progress message's <c>page_count</c>, so a client can tell which event it received and how long it took. Publisher
/// and clients share this process and its clock.
/// </summary>
public sealed class PublishClock(int capacity)
{
    private readonly long[] _publishedAt = new long[capacity];
    private int _next;

    public int Capacity => capacity;

    public int Reserve() => Interlocked.Increment(ref _next) - 1;

    public void MarkPublished(int eventNumber) => Volatile.Write(ref _publishedAt[eventNumber], Stopwatch.GetTimestamp());

    /// <summary>Publish-to-receive time of the event, or null when the number is not one of ours.</summary>
    public TimeSpan? Since(int eventNumber, long receivedAt) =>
        (uint)eventNumber < (uint)_publishedAt.Length && Volatile.Read(ref _publishedAt[eventNumber]) is var at and > 0
            ? Stopwatch.GetElapsedTime(at, receivedAt)
            : null;
}
