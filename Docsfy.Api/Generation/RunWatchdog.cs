using Docsfy.Api.Generation.Events;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Generation;

/// <summary>
/// Ends runs whose worker died or that no worker took, and removes site files no variant can ever serve. Every replica
/// runs it; the updates are conditional, so a run is ended (and announced) once.
/// </summary>
public sealed class RunWatchdog(RunLifecycle lifecycle, RunStore runs, EventListening listening,
    IOptions<GenerationOptions> options, ILogger<RunWatchdog> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WatchdogInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be restarting; the next tick tries again.
                logger.LogWarning(exception, "Looking for stuck runs failed");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        // Silence this replica could not have heard (the broker away, or just back) says nothing about the workers.
        if (listening.ListeningFor >= options.Value.HeartbeatTimeout)
        {
            await lifecycle.EndAbandonedRunsAsync(cancellationToken);
        }
        if (await runs.DeleteOrphanedRunFilesAsync(cancellationToken) is > 0 and var deleted)
        {
            logger.LogInformation("Deleted {Count} site files and cached pages of runs that will never be served", deleted);
        }
    }
}
