using Docsfy.Contracts;
using Docsfy.Worker.Pipeline;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Runs one generation in the background: checks it is still wanted, keeps its heartbeat going, maps every way it can
/// end (done, failed, aborted, timed out, worker stopping) to one terminal event, and always frees its slot.
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
            if (!await guard.IsCurrentAsync(command.RunId, handle.Stopping))
            {
                logger.LogInformation("Skipping run {RunId}: it was aborted or replaced before it started", command.RunId);
                return;
            }
            var reporter = new RunReporter((message, token) => events.SendAsync(command.RunId, message, token), command.Variant,
                command.RunId, trace);
            var outcome = await RunPipelineAsync(command, handle, reporter);
            using var timeout = new CancellationTokenSource(FinishPublishTimeout);
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

    private async Task<RunOutcome> RunPipelineAsync(GenerateDocumentation command, RunHandle handle, RunReporter reporter)
    {
        using var timeLimit = new CancellationTokenSource(options.Value.RunTimeout);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(handle.Stopping, timeLimit.Token);
        using var heartbeatStop = new CancellationTokenSource();
        var beating = heartbeat.RunAsync(handle, options.Value.HeartbeatInterval, heartbeatStop.Token);
        try
        {
            return await pipeline.RunAsync(command, reporter, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return handle.Reason switch
            {
                StopReason.Aborted => RunOutcome.Aborted(),
                StopReason.WorkerStopping => RunOutcome.Failed("The worker stopped during the run. Generate again."),
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
