using Docsfy.Contracts;
using Docsfy.Worker.Ai;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Tells every API replica, every <see cref="WorkerOptions.PresenceInterval"/>, that this worker is alive, what it is
/// running and which providers it can run, so the API can say when no worker is there instead of letting runs wait for
/// hours (docs/design/architecture.md §9). On a clean shutdown it says goodbye at once.
/// </summary>
public sealed partial class WorkerPresence(IBus bus, RunRegistry registry, IAiProviderCatalog providers,
    IOptions<WorkerOptions> options, TimeProvider time, ILogger<WorkerPresence> logger) : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <summary>This process's id among workers: readable (host, pid) and unique across restarts (random part).</summary>
    public static string WorkerId { get; } =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    private readonly DateTime _startedAt = time.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(WorkerId);
        using var timer = new PeriodicTimer(options.Value.PresenceInterval, time);
        do
        {
            await AnnounceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await PublishAsync(new WorkerStopping(WorkerId), CancellationToken.None);
    }

    private Task AnnounceAsync(CancellationToken cancellationToken) => PublishAsync(new WorkerAlive(WorkerId,
        Environment.MachineName, registry.Running.Count, options.Value.MaxConcurrentRuns, providers.ReadyProviders(), _startedAt),
        cancellationToken);

    private async Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            await bus.Publish(message, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // The broker may be restarting; the next tick announces again, and until then the API still counts this
            // worker for a while.
            LogAnnounceFailed(exception, typeof(T).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} announces itself to the API")]
    private partial void LogStarting(string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Message}")]
    private partial void LogAnnounceFailed(Exception exception, string message);
}
