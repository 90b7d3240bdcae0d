namespace Docsfy.Worker.Generation;

/// <summary>
/// On shutdown, stops every run and waits briefly for each to report its end, so no variant waits for a heartbeat
/// timeout because a worker was merely restarted. Registered after the bus, so it stops before the bus does.
/// </summary>
public sealed class RunDrain(RunRegistry registry, ILogger<RunDrain> logger) : IHostedService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = registry.Running;
        if (running.Count == 0)
        {
            return;
        }
        logger.LogInformation("Stopping {Count} runs before shutdown", running.Count);
        foreach (var run in running)
        {
            run.Stop(StopReason.WorkerStopping);
        }
        await Task.WhenAll(running.Select(r => r.Completion)).WaitAsync(DrainTimeout, cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
