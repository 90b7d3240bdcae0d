using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// Asks the API's runtime for a full blocking GC over the diagnostics IPC channel (the <c>GCHeapCollect</c> keyword, as
/// dotnet-gcdump does) and reads the heap size the GC reports afterwards: the bytes still alive, free of allocation
/// garbage that would make RSS deltas noisy.
/// </summary>
public static class ManagedHeapProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Live managed bytes after a forced full GC, or null when the runtime did not answer in time.</summary>
    public static async Task<long?> LiveBytesAfterFullGcAsync(int pid)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)],
            requestRundown: false, circularBufferMB: 64);
        using var source = new EventPipeEventSource(session.EventStream);

        var induced = -1;
        var heapSize = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += start =>
        {
            if (start.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced)
            {
                induced = start.Count;
            }
        };
        // GCHeapStats follows every GC; only the one after our induced collection counts.
        source.Clr.GCHeapStats += stats =>
        {
            if (induced >= 0)
            {
                heapSize.TrySetResult(stats.TotalHeapSize);
            }
        };
        Task processing = Task.Run(() => { source.Process(); });
        try
        {
            return await heapSize.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing.WaitAsync(Timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
