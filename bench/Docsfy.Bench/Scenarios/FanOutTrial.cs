using System.Diagnostics;
using Docsfy.Bench.Infrastructure;
using Docsfy.Bench.Reporting;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// Publishes progress events at a fixed rate for a fixed time and measures what the sockets receive. Events go to the
/// variants in turn, so a run gets its next event only after every other variant had one: with 200 variants at 100
/// events/s that is 2 s later, long after the previous one left any healthy socket's queue. A newer progress of the same
/// run and stage can replace an unsent older one (coalescing); any event a socket never received is counted as missing,
/// which is what coalescing would look like here; so is a backlog still queued when the drain (at most 60 s after the
/// last publish) gives up.
/// </summary>
public sealed class FanOutTrial(IEventPublisher publisher, IReadOnlyList<RunningVariant> variants, long[] sequences, PublishClock clock,
    IReadOnlyCollection<HubSocket> sockets, ApiProcess server)
{
    private const int MaxPublishesInFlight = 256;
    private static readonly TimeSpan QuietBeforeDone = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxDrain = TimeSpan.FromSeconds(60);

    public async Task<FanOutResult> RunAsync(int rate, TimeSpan duration)
    {
        var sinks = sockets.Select(socket => (Socket: socket, Sink: new FanOutSink(clock))).ToList();
        foreach (var (socket, sink) in sinks)
        {
            socket.Sink = sink;
        }

        var apiCpuBefore = server.CpuTime();
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var events = (int)(rate * duration.TotalSeconds);
        var started = Stopwatch.GetTimestamp();
        await PublishAsync(rate, events, started);
        var publishTime = Stopwatch.GetElapsedTime(started);
        var lastPublishAt = Stopwatch.GetTimestamp();

        var expected = (long)events * sinks.Count;
        await WaitForDeliveriesAsync(sinks.Select(s => s.Sink).ToList(), expected);
        var wall = Stopwatch.GetElapsedTime(started);
        var apiCores = (server.CpuTime() - apiCpuBefore) / wall;
        var benchCores = (Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore) / wall;

        foreach (var (socket, _) in sinks)
        {
            socket.Sink = null;
        }
        var latencies = sinks.SelectMany(s => s.Sink.Latencies()).ToList();
        var lastReceivedAt = sinks.Max(s => s.Sink.LastReceivedAt);
        var deliveryWindow = lastReceivedAt > started ? Stopwatch.GetElapsedTime(started, lastReceivedAt) : wall;
        return new FanOutResult(
            Rate: rate,
            Connections: sinks.Count,
            Events: events,
            PublishTime: publishTime,
            Expected: expected,
            Received: latencies.Count,
            DeliveriesPerSecond: latencies.Count / deliveryWindow.TotalSeconds,
            TailAfterLastPublish: lastReceivedAt > lastPublishAt ? Stopwatch.GetElapsedTime(lastPublishAt, lastReceivedAt) : TimeSpan.Zero,
            Latency: Percentiles.Of(latencies),
            ApiCores: apiCores,
            ServerCpuSeconds: (server.CpuTime() - apiCpuBefore).TotalSeconds,
            BenchCores: benchCores,
            SocketsClosed: sinks.Count(s => s.Socket.EndReason is not null));
    }

    /// <summary>Event i is due at i/rate seconds; a late wake-up publishes everything that has come due.</summary>
    private async Task PublishAsync(int rate, int events, long started)
    {
        using var inFlight = new SemaphoreSlim(MaxPublishesInFlight);
        var publishes = new List<Task>(events);
        for (var i = 0; i < events; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            await inFlight.WaitAsync();
            publishes.Add(PublishOneAsync(variants[i % variants.Count], i % variants.Count, inFlight));
        }
        await Task.WhenAll(publishes);
    }

    private async Task PublishOneAsync(RunningVariant variant, int index, SemaphoreSlim inFlight)
    {
        try
        {
            var eventNumber = clock.Reserve();
            var sequence = Interlocked.Increment(ref sequences[index]);
            clock.MarkPublished(eventNumber);
            await publisher.PublishAsync(variant, sequence, eventNumber);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static async Task WaitForDeliveriesAsync(IReadOnlyList<FanOutSink> sinks, long expected)
    {
        var drainStarted = Stopwatch.GetTimestamp();
        var lastCount = -1L;
        var lastChange = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(drainStarted) < MaxDrain)
        {
            var count = sinks.Sum(s => (long)s.Received);
            if (count >= expected)
            {
                return;
            }
            if (count != lastCount)
            {
                (lastCount, lastChange) = (count, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(lastChange) > QuietBeforeDone)
            {
                return;
            }
            await Task.Delay(100);
        }
    }
}

/// <summary>What one fan-out trial measured.</summary>
public sealed record FanOutResult(
    int Rate, int Connections, int Events, TimeSpan PublishTime, long Expected, long Received, double DeliveriesPerSecond,
    TimeSpan TailAfterLastPublish, Percentiles Latency, double ApiCores, double ServerCpuSeconds, double BenchCores, int SocketsClosed)
{
    public long Missing => Expected - Received;

    /// <summary>Deliveries per second of the server's CPU time: what the work costs, whatever the machine's load.</summary>
    public double DeliveriesPerCpuSecond => ServerCpuSeconds > 0 ? Received / ServerCpuSeconds : 0;

    /// <summary>
    /// Kept up: (nearly) every delivery made, the publisher held its rate, and no backlog left when publishing stopped.
    /// </summary>
    public bool Sustained => Missing <= Expected / 1000
        && PublishTime.TotalSeconds <= Events / (double)Rate * 1.05 + 0.5
        && TailAfterLastPublish < TimeSpan.FromSeconds(1)
        && SocketsClosed == 0;
}
