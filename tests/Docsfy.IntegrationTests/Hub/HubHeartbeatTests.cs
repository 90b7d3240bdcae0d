using System.Net.WebSockets;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>The heartbeat with the test app host's timings (ping every 2 s, 1 s to answer, 2 misses close).</summary>
[Collection(DocsfyCollection.Name)]
public sealed class HubHeartbeatTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Clients_that_answer_pings_stay_and_silent_ones_are_closed_with_1001_after_two_misses()
    {
        await using var answering = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey, answerPings: true);
        await using var silent = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey, answerPings: false);
        await answering.NextAsync();
        await silent.NextAsync();

        // Two missed pongs: the second ping at ~4 s, its wait ends at ~5 s.
        var started = DateTime.UtcNow;
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await silent.ClosedAsync(TimeSpan.FromSeconds(20)));
        Assert.True(DateTime.UtcNow - started >= HubTimings.PingInterval, "closed before a single ping interval had passed");
        Assert.Equal(2, silent.PingsSeen);

        // The answering client keeps being pinged, three more pings past the point where the silent one was closed.
        var pingsAtClose = answering.PingsSeen;
        await Eventually.HoldsAsync(() => Task.FromResult(answering.PingsSeen >= pingsAtClose + 3 || !answering.IsOpen),
            "three more pings", HubTimings.PingInterval * 6);
        Assert.True(answering.IsOpen);
        Assert.True(answering.PingsSeen >= pingsAtClose + 3, $"saw {answering.PingsSeen} pings");
    }

    [Fact]
    public async Task Anything_but_a_pong_is_ignored_and_oversized_frames_close_the_socket()
    {
        // A viewer with nothing to see: no other test's events can reach this socket, so anything it receives is a reply.
        using var http = fixture.Host.Client();
        var viewer = await Users.CreateAsync(http, "junk", "viewer");
        await using var client = await HubClient.ConnectAsync(fixture.Host, token: viewer.ApiKey, answerPings: true);
        await client.NextAsync();
        await client.SendTextAsync("not json at all");
        await client.SendTextAsync("{\"type\":\"subscribe\",\"project\":\"x\"}");
        await client.SendTextAsync("{\"type\":");
        await client.SendTextAsync("[\"pong\"]");
        await client.SendBinaryAsync([0, 1, 2, 3]);
        for (var i = 0; i < 200; i++)
        {
            await client.SendTextAsync("{\"type\":\"flood\"}");
        }

        // The socket stays and keeps being pinged (and answering) after all of it.
        var pings = client.PingsSeen;
        await Eventually.HoldsAsync(() => Task.FromResult(client.PingsSeen >= pings + 2 || !client.IsOpen), "two more pings",
            HubTimings.PingInterval * 4);
        Assert.True(client.IsOpen);

        // The server reads frames in order, so by the time it closes for the oversized one it has read every frame
        // above: any reply to them would have been queued before the close. There is none.
        await client.SendTextAsync(new string('x', 64 * 1024));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.ClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(client.Received());
    }
}
