using Microsoft.Extensions.Options;

namespace Docsfy.Api.Hub;

/// <summary>
/// The hub's timers for every socket of this replica, instead of timers per socket or per send (which keeps an idle
/// connection and every send cheap): every ping interval each socket gets a ping, and after the pong timeout each one
/// that did not answer counts a miss (two in a row close it with 1001); every second a send stuck past the send timeout
/// closes its socket (1013). Pings go out in slices a few milliseconds apart, so 10,000 sockets do not all send, and
/// take buffers for it, at the same instant.
/// </summary>
public sealed class HubHeartbeat(HubConnectionRegistry registry, IOptions<HubOptions> options) : BackgroundService
{
    private const int Slice = 500;
    private static readonly TimeSpan SlicePause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan SendCheckInterval = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PingAsync(stoppingToken), CheckSendsAsync(stoppingToken));

    private async Task CheckSendsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SendCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var connection in registry.All)
                {
                    connection.CheckSend();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PingAsync(CancellationToken stoppingToken)
    {
        var hub = options.Value;
        using var timer = new PeriodicTimer(hub.PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Only sockets pinged now are checked: one that connected during the wait has not been asked yet.
                var pinged = registry.All;
                var started = TimeProvider.System.GetTimestamp();
                await InSlicesAsync(pinged, connection => connection.Ping(), stoppingToken);
                // Each socket gets at least the pong timeout: the checks go in the same slices, the same time later.
                var left = hub.PongTimeout - TimeProvider.System.GetElapsedTime(started);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, stoppingToken);
                }
                await InSlicesAsync(pinged, connection => connection.CheckPong(hub.MaxMissedPongs), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task InSlicesAsync(IReadOnlyList<HubConnection> connections, Action<HubConnection> act,
        CancellationToken stoppingToken)
    {
        for (var i = 0; i < connections.Count; i++)
        {
            if (i > 0 && i % Slice == 0)
            {
                await Task.Delay(SlicePause, stoppingToken);
            }
            act(connections[i]);
        }
    }
}
