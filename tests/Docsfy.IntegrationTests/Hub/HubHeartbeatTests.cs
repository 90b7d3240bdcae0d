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

        // Three more ping cycles later the answering client is still connected.
        await Task.Delay(HubTimings.PingInterval * 3);
        Assert.True(answering.IsOpen);
        Assert.True(answering.PingsSeen >= 4, $"saw {answering.PingsSeen} pings");
    }

    [Fact]
    public async Task Anything_but_a_pong_is_ignored_and_oversized_frames_close_the_socket()
    {
        await using var client = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey, answerPings: true);
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

        // Nothing comes back for any of it, and the socket keeps answering pings.
        var replies = await client.DrainAsync(HubTimings.PingInterval * 2);
        Assert.Empty(replies);
        Assert.True(client.IsOpen);

        await client.SendTextAsync(new string('x', 64 * 1024));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.ClosedAsync(TimeSpan.FromSeconds(10)));
    }
}
