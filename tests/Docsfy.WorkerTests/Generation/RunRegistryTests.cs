using Docsfy.Worker.Generation;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Generation;

/// <summary>
/// A worker shutting down takes no new run, so a run it has just handed back (docs/design/pipeline.md §12) goes to a
/// worker that stays: the run waits unacknowledged until the bus stops, then returns to the queue.
/// </summary>
public sealed class RunRegistryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_closed_registry_grants_no_slot_and_the_wait_ends_when_the_bus_stops()
    {
        var registry = new RunRegistry(Options.Create(new WorkerOptions { MaxConcurrentRuns = 1 }));
        registry.Close();
        using var busStops = new CancellationTokenSource();

        var waiting = registry.WaitForSlotAsync(busStops.Token);
        Assert.False(waiting.IsCompleted);
        await busStops.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Bound));
    }

    [Fact]
    public async Task An_open_registry_grants_its_slots()
    {
        var registry = new RunRegistry(Options.Create(new WorkerOptions { MaxConcurrentRuns = 2 }));

        await registry.WaitForSlotAsync(CancellationToken.None).WaitAsync(Bound);
        await registry.WaitForSlotAsync(CancellationToken.None).WaitAsync(Bound);
    }
}
