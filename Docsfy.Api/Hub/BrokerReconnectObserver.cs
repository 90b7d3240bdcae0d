using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Hub;

/// <summary>
/// When this replica's broadcast queue comes back after a broker outage, broadcasts sent meanwhile are lost (the queue
/// is temporary), so every local socket gets a fresh sync.
/// </summary>
public sealed class BrokerReconnectObserver(IServiceProvider services, ILogger<BrokerReconnectObserver> logger) : IReceiveEndpointObserver
{
    private int _readyCount;

    public async Task Ready(ReceiveEndpointReady ready)
    {
        if (!ready.InputAddress.AbsolutePath.Contains(Queues.HubBroadcast, StringComparison.OrdinalIgnoreCase)
            || Interlocked.Increment(ref _readyCount) == 1)
        {
            return;
        }
        logger.LogInformation("Broadcast queue reconnected; sending every local socket a fresh sync");
        await services.GetRequiredService<HubSync>().SendToAllAsync(CancellationToken.None);
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
