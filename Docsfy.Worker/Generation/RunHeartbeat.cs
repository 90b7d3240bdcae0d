using Docsfy.Contracts;

namespace Docsfy.Worker.Generation;

/// <summary>
/// While a run works, tells the API it is alive (so a dead worker's run is ended by the API's watchdog) and stops the
/// run when the API no longer considers it current (aborted, timed out, replaced).
/// </summary>
public sealed class RunHeartbeat(RunEventSender events, RunGuard guard, ILogger<RunHeartbeat> logger)
{
    public async Task RunAsync(RunHandle run, int attempt, TimeSpan interval, CancellationToken finished)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                try
                {
                    await events.SendAsync(run.RunId, new GenerationHeartbeat(run.RunId, WorkerPresence.WorkerId, attempt), finished);
                    if (!await guard.IsCurrentAsync(run.RunId, attempt, finished))
                    {
                        logger.LogInformation("Run {RunId} is no longer current; stopping it", run.RunId);
                        run.Stop(StopReason.Aborted);
                        return;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The broker or database is briefly away; the API's timeout is many heartbeats long.
                    logger.LogWarning(exception, "Heartbeat of run {RunId} failed", run.RunId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
