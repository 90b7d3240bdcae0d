using Docsfy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>
/// Broadcasts sent while RabbitMQ is away are lost with the replica's temporary queue, so when the queue comes back
/// every local socket gets a fresh sync.
/// </summary>
[Collection(DisruptionCollection.Name)]
public sealed class HubBrokerRestartTests(DisruptionFixture fixture)
{
    [Fact]
    public async Task Sockets_get_a_fresh_sync_after_the_broker_comes_back()
    {
        var host = fixture.Host;
        await using var socket = await HubClient.ConnectAsync(host, token: DocsfyAppHost.AdminKey);
        await socket.NextOfTypeAsync("sync");

        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var restarted = await commands.ExecuteCommandAsync("messaging", KnownResourceCommands.RestartCommand, timeout.Token);
        Assert.True(restarted.Success, restarted.Message);

        // MassTransit reconnects with backoff; the socket itself stays open throughout.
        var sync = await socket.NextOfTypeAsync("sync", timeout: TimeSpan.FromMinutes(2));
        Assert.True(sync.TryGetProperty("projects", out _));
        Assert.True(socket.IsOpen);
    }
}
