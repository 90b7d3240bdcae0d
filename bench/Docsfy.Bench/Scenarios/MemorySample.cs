using Docsfy.Bench.Infrastructure;

namespace Docsfy.Bench.Scenarios;

/// <summary>The API process's memory at one moment, taken right after a forced full GC so garbage does not count.</summary>
public sealed record MemorySample(long ResidentBytes, long? LiveManagedBytes, int FileDescriptors)
{
    public static async Task<MemorySample> TakeAsync(ApiProcess api)
    {
        var live = await ManagedHeapProbe.LiveBytesAfterFullGcAsync(api.Pid);
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the GC give back what it decommits
        return new MemorySample(api.ResidentBytes(), live, api.OpenFileDescriptors());
    }
}
