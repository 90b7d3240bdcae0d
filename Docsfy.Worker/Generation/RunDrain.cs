namespace Docsfy.Worker.Generation;

/// <summary>
/// On shutdown, takes no more runs, stops every run and waits briefly for each to hand itself back, so the API gives it
/// to another worker at once (docs/design/pipeline.md §12) instead of after a heartbeat timeout because a worker was
/// merely restarted. Registered after the bus, so it stops before the bus does.
/// </summary>
public sealed class RunDrain(RunRegistry registry, ILogger<RunDrain> logger) : IHostedService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Close();
        var running = registry.Running;
        if (running.Count == 0)
        {
            return;
        }
        logger.LogInformation("Handing back {Count} runs before shutdown", running.Count);
        foreach (var run in running)
        {
            run.Stop(StopReason.WorkerStopping);
        }
        await Task.WhenAll(running.Select(r => r.Completion)).WaitAsync(DrainTimeout, cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
