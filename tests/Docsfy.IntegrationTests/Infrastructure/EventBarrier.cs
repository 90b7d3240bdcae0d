using System.Text.Json;
using Docsfy.Contracts;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Proves that "nothing (more) arrived" without waiting on the clock: a marker event is sent on the same partition as a
/// run, after that run's events. A partition is applied in order and each batch is broadcast in order, so once a
/// socket has the marker, it has everything of the run's events it will ever get; once the marker's row has changed,
/// the run's events have all been applied.
/// </summary>
public sealed class EventBarrier : IAsyncDisposable
{
    private readonly DocsfyAppHost _host;
    private readonly VariantKey _marker;
    private readonly Guid _markerRun;

    private EventBarrier(DocsfyAppHost host, VariantKey marker, Guid markerRun) => (_host, _marker, _markerRun) = (host, marker, markerRun);

    /// <summary>A generating marker variant owned by <paramref name="owner"/> (so the owner and admins see it).</summary>
    public static async Task<EventBarrier> CreateAsync(DocsfyAppHost host, Guid besideRun, string owner)
    {
        var partition = RunEventQueues.PartitionOf(besideRun);
        var markerRun = Guid.NewGuid();
        while (RunEventQueues.PartitionOf(markerRun) != partition)
        {
            markerRun = Guid.NewGuid();
        }
        var name = DocsfyAppFixture.UniqueName("barrier");
        await VariantRows.InsertAsync(host, name, owner, status: "generating", runId: markerRun);
        return new EventBarrier(host, new VariantKey(name, "main", "cursor", "gpt-5", owner), markerRun);
    }

    private long _sequence;

    /// <summary>Sends the marker and waits until its row shows it: every earlier event of the partition is applied.</summary>
    public async Task PassAsync(FakeWorker worker)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        await worker.ProgressAsync(_marker, _markerRun, sequence, "cloning", (int)sequence);
        await Eventually.HoldsAsync(async () => await VariantRows.ColumnAsync(_host, _markerRun, "page_count") == sequence.ToString(),
            "the barrier's event to be applied", TimeSpan.FromSeconds(30));
    }

    /// <summary>Removes the marker's row, so it is not left generating for the watchdog to end in front of other tests.</summary>
    public async ValueTask DisposeAsync() => await VariantRows.DeleteAsync(_host, _markerRun);

    /// <summary>The socket's messages up to (not including) the marker's latest event.</summary>
    public async Task<List<JsonElement>> ReadUntilMarkerAsync(HubClient socket)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var message = await socket.NextAsync(TimeSpan.FromSeconds(30));
            if (message.GetProperty("type").GetString() == "progress" && message.GetProperty("name").GetString() == _marker.Name
                && message.GetProperty("page_count").GetInt32() == (int)Interlocked.Read(ref _sequence))
            {
                return before;
            }
            before.Add(message);
        }
    }
}
