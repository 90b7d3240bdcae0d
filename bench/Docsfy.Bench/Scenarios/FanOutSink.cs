using System.Buffers.Text;
using Docsfy.Bench.Infrastructure;

namespace Docsfy.Bench.Scenarios;

/// <summary>
/// One socket's deliveries during one trial: the latency of each <c>progress</c> it received. Parsing looks only for
/// the <c>page_count</c> field (the event number), so the client spends as little CPU as possible on a machine it shares
/// with the server.
/// </summary>
public sealed class FanOutSink(PublishClock clock) : IHubMessageSink
{
    private static readonly byte[] ProgressPrefix = "{\"type\":\"progress\""u8.ToArray();
    private static readonly byte[] PageCountField = "\"page_count\":"u8.ToArray();

    private readonly List<TimeSpan> _latencies = new(4096);
    private long _lastReceivedAt;

    public int Received
    {
        get
        {
            lock (_latencies)
            {
                return _latencies.Count;
            }
        }
    }

    public long LastReceivedAt => Volatile.Read(ref _lastReceivedAt);

    public void OnMessage(ReadOnlySpan<byte> message, long receivedAt)
    {
        if (!message.StartsWith(ProgressPrefix))
        {
            return;
        }
        var field = message.IndexOf(PageCountField);
        if (field < 0 || !Utf8Parser.TryParse(message[(field + PageCountField.Length)..], out int eventNumber, out _)
            || clock.Since(eventNumber, receivedAt) is not { } latency)
        {
            return;
        }
        lock (_latencies)
        {
            _latencies.Add(latency);
        }
        Volatile.Write(ref _lastReceivedAt, receivedAt);
    }

    public TimeSpan[] Latencies()
    {
        lock (_latencies)
        {
            return [.. _latencies];
        }
    }
}
