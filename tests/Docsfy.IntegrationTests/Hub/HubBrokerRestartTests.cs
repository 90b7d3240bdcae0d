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

    [Fact]
    public async Task Terminal_statuses_sent_around_a_broker_restart_are_all_applied()
    {
        var host = fixture.Host;
        using var client = host.Client();
        var owner = await Users.CreateAsync(client, "restart", "user");
        var runs = new List<(Contracts.VariantKey Variant, Guid RunId)>();
        for (var i = 0; i < 20; i++)
        {
            var name = DocsfyAppFixture.UniqueName("restart");
            runs.Add((new Contracts.VariantKey(name, "main", "cursor", "gpt-5", owner.Username),
                await VariantRows.InsertAsync(host, name, owner.Username, status: "generating")));
        }

        // Half go out right before the broker goes down (some may be in flight, queued or mid-batch when it does)...
        await using (var before = await FakeWorker.StartAsync(host))
        {
            foreach (var (variant, runId) in runs.Take(10))
            {
                await before.ProgressAsync(variant, runId, 1, "cloning", 0);
                await before.FinishedAsync(variant, runId, 2, "ready", 3);
            }
        }
        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var restarted = await commands.ExecuteCommandAsync("messaging", KnownResourceCommands.RestartCommand, timeout.Token);
        Assert.True(restarted.Success, restarted.Message);

        // ...and half after it is back, to partition queues the API must have subscribed to again.
        await using (var after = await FakeWorker.StartAsync(host))
        {
            foreach (var (variant, runId) in runs.Skip(10))
            {
                await after.FinishedAsync(variant, runId, 1, "ready", 3);
            }
        }
        foreach (var (_, runId) in runs)
        {
            await Eventually.HoldsAsync(async () => await VariantRows.ColumnAsync(host, runId, "status") == "ready",
                $"run {runId} to be ready", TimeSpan.FromMinutes(2));
            Assert.Equal("3", await VariantRows.ColumnAsync(host, runId, "page_count"));
        }
    }
}
