using Microsoft.Extensions.Options;

namespace Docsfy.Api.Hub;

/// <summary>
/// The hub's heartbeat for every socket of this replica on one timer: every ping interval each socket gets a ping, and
/// after the pong timeout each one that did not answer counts a miss (two in a row close it with 1001). One timer for
/// all instead of one per socket keeps an idle connection cheap.
/// </summary>
public sealed class HubHeartbeat(HubConnectionRegistry registry, IOptions<HubOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hub = options.Value;
        using var timer = new PeriodicTimer(hub.PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Only sockets pinged now are checked: one that connected during the wait has not been asked yet.
                var pinged = registry.All;
                foreach (var connection in pinged)
                {
                    connection.Ping();
                }
                await Task.Delay(hub.PongTimeout, stoppingToken);
                foreach (var connection in pinged)
                {
                    connection.CheckPong(hub.MaxMissedPongs);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
