using Docsfy.Contracts;
using Docsfy.Worker.Pipeline;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Runs one generation in the background: checks it is still wanted, keeps its heartbeat going, maps every way it can
/// end (done, failed, aborted, timed out) to one terminal event, and always frees its slot. A run stopped because this
/// worker shuts down is not ended but handed back, so the API gives it to the next worker at once, which continues from
/// the run's checkpoint (docs/design/pipeline.md §12).
/// </summary>
public sealed class RunExecutor(RunRegistry registry, RunGuard guard, RunHeartbeat heartbeat, DocumentationPipeline pipeline,
    RunEventSender events, IOptions<WorkerOptions> options, ILogger<RunExecutor> logger)
{
    private static readonly TimeSpan FinishPublishTimeout = TimeSpan.FromSeconds(30);

    public void Start(GenerateDocumentation command)
    {
        var handle = registry.Register(command.RunId);
        handle.Completion = Task.Run(() => ExecuteAsync(command, handle));
    }

    private async Task ExecuteAsync(GenerateDocumentation command, RunHandle handle)
    {
        // Started from the consumer, so the ambient activity is MassTransit's consume span: the run joins its trace.
        using var trace = RunTrace.Start(command.RunId, command.Variant);
        try
        {
            if (!await guard.IsCurrentAsync(command.RunId, command.Attempt, handle.Stopping))
            {
                logger.LogInformation("Skipping run {RunId} attempt {Attempt}: it was aborted, replaced or taken over before it started",
                    command.RunId, command.Attempt);
                return;
            }
            var reporter = new RunReporter((message, token) => events.SendAsync(command.RunId, message, token), command.Variant,
                command.RunId, trace, command.Attempt);
            var outcome = await RunPipelineAsync(command, handle, reporter);
            using var timeout = new CancellationTokenSource(FinishPublishTimeout);
            if (outcome is null)
            {
                // After everything else the run sent, on the same partition: the API applies its last progress first.
                await events.SendAsync(command.RunId, new GenerationHandedBack(command.RunId, command.Attempt, WorkerPresence.WorkerId),
                    timeout.Token);
                logger.LogInformation("Run {RunId} of {Project} handed back: this worker is shutting down", command.RunId,
                    command.Variant.Name);
                return;
            }
            await reporter.FinishedAsync(outcome, timeout.Token);
            logger.LogInformation("Run {RunId} of {Project} ended {Status}", command.RunId, command.Variant.Name, outcome.Status);
        }
        catch (Exception exception)
        {
            // Nothing could be reported; the API's watchdog ends the run when the heartbeats stop.
            logger.LogError(exception, "Run {RunId} could not report its end", command.RunId);
        }
        finally
        {
            registry.Remove(handle);
            registry.ReleaseSlot();
        }
    }

    /// <summary>How the run ended; null when it was stopped because this worker shuts down (it is handed back).</summary>
    private async Task<RunOutcome?> RunPipelineAsync(GenerateDocumentation command, RunHandle handle, RunReporter reporter)
    {
        using var timeLimit = new CancellationTokenSource(options.Value.RunTimeout);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(handle.Stopping, timeLimit.Token);
        using var heartbeatStop = new CancellationTokenSource();
        var beating = heartbeat.RunAsync(handle, command.Attempt, options.Value.HeartbeatInterval, heartbeatStop.Token);
        try
        {
            return await pipeline.RunAsync(command, reporter, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return handle.Reason switch
            {
                StopReason.Aborted => RunOutcome.Aborted(),
                StopReason.WorkerStopping => null,
                _ => RunOutcome.Failed($"The run took longer than {options.Value.RunTimeout} and was stopped."),
            };
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Run {RunId} failed unexpectedly", command.RunId);
            return RunOutcome.Failed("The run failed unexpectedly. See the worker's log for details.");
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await beating;
        }
    }
}
