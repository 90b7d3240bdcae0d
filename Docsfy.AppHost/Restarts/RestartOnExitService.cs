using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Docsfy.AppHost.Restarts;

/// <summary>
/// Watches every instance (replica) of each resource marked with <see cref="RestartOnExitAnnotation"/> and starts an
/// instance again, through the same Start command as the dashboard's, when it exits without being asked to. Each
/// decision is logged by the app host and in the instance's own console, where whoever looks at the resource sees it.
/// </summary>
internal sealed partial class RestartOnExitService(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILogger<RestartOnExitService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The orchestrator may end the instances before this service is stopped: from the moment the app host begins
        // to shut down, an instance that ends is one that was asked to.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var instances = new Dictionary<string, InstanceExitTracker>(StringComparer.Ordinal);
        var restarts = new List<Task>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping.Token))
            {
                if (!update.Resource.TryGetLastAnnotation<RestartOnExitAnnotation>(out var annotation))
                {
                    continue;
                }
                if (!instances.TryGetValue(update.ResourceId, out var tracker))
                {
                    instances[update.ResourceId] = tracker = new InstanceExitTracker(annotation.Policy);
                }
                var exit = tracker.Observe(update.Snapshot.State?.Text, update.Snapshot.ExitCode, DateTimeOffset.UtcNow);
                if (exit is null || stopping.IsCancellationRequested)
                {
                    continue;
                }
                var instanceLog = resourceLogs.GetLogger(update.ResourceId);
                if (exit.Requested)
                {
                    LogStoppedOnRequest(logger, update.ResourceId, exit.ExitCode);
                    LogStoppedOnRequest(instanceLog, update.ResourceId, exit.ExitCode);
                    continue;
                }
                LogRestarting(logger, update.ResourceId, exit.ExitCode, exit.Uptime, exit.Delay, exit.Attempt);
                LogRestarting(instanceLog, update.ResourceId, exit.ExitCode, exit.Uptime, exit.Delay, exit.Attempt);
                restarts.RemoveAll(task => task.IsCompleted);
                restarts.Add(RestartAsync(update.ResourceId, exit, annotation.Policy, instanceLog, stopping.Token));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        await Task.WhenAll(restarts);
    }

    private async Task RestartAsync(string instance, InstanceExit exit, RestartPolicy policy, ILogger instanceLog,
        CancellationToken cancellationToken)
    {
        var attempt = exit.Attempt;
        var delay = exit.Delay;
        while (true)
        {
            string? failure;
            try
            {
                await Task.Delay(delay, cancellationToken);
                // Someone may have started it by hand meanwhile; starting a running instance again would fail.
                if (notifications.TryGetCurrentState(instance, out var current)
                    && current.Snapshot.State?.Text is { } state && !KnownResourceStates.TerminalStates.Contains(state))
                {
                    LogAlreadyStarted(logger, instance, state);
                    return;
                }
                var result = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, cancellationToken);
                if (result.Success || result.Canceled)
                {
                    return;
                }
                failure = result.Message;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // the app host is shutting down: nothing is to be restarted any more
            }
            catch (Exception exception)
            {
                failure = exception.Message;
            }
            // A start that failed leaves the instance down with no exit to react to: try again, backing off further.
            attempt++;
            delay = policy.DelayFor(attempt);
            LogRestartFailed(logger, instance, attempt - 1, failure, delay);
            LogRestartFailed(instanceLog, instance, attempt - 1, failure, delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Instance} exited unexpectedly (exit code {ExitCode}) after running for {Uptime}; restarting in {Delay} (attempt {Attempt})")]
    private static partial void LogRestarting(ILogger logger, string instance, int? exitCode, TimeSpan uptime, TimeSpan delay, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Instance} was stopped on request (exit code {ExitCode}); not restarting it")]
    private static partial void LogStoppedOnRequest(ILogger logger, string instance, int? exitCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Instance} is already {State}; not restarting it again")]
    private static partial void LogAlreadyStarted(ILogger logger, string instance, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Instance} could not be restarted (attempt {Attempt}): {Reason}; trying again in {Delay}")]
    private static partial void LogRestartFailed(ILogger logger, string instance, int attempt, string? reason, TimeSpan delay);
}
