using System.Net.WebSockets;
using System.Text;
using Docsfy.Api.Auth;
using Docsfy.Api.Hub;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docsfy.UnitTests.Hub;

public sealed class HubConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static HubConnection Connect(WebSocket socket, int queueCapacity = 256, TimeSpan? sendTimeout = null) =>
        new(socket, new Caller("ada", Roles.User, 1), new HashSet<(string, string)>(), new HubOptions
        {
            SendQueueCapacity = queueCapacity,
            SendTimeout = sendTimeout ?? TimeSpan.FromMinutes(5),
            PingInterval = TimeSpan.FromHours(1),
        }, NullLogger.Instance);

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<List<string>> ReceiveAsync(ScriptedSocket socket, int count)
    {
        var messages = new List<string>();
        using var timeout = new CancellationTokenSource(Patience);
        while (messages.Count < count)
        {
            messages.Add(await socket.Delivered.Reader.ReadAsync(timeout.Token));
        }
        return messages;
    }

    [Fact]
    public async Task The_initial_sync_goes_first_then_the_queue_in_order()
    {
        var socket = new ScriptedSocket(sendsFlow: false);
        var connection = Connect(socket);
        var running = connection.RunAsync(Text("sync"), CancellationToken.None);
        connection.Enqueue(Text("a"));
        connection.Enqueue(Text("b"));
        socket.LetSendsFlow();

        Assert.Equal(["sync", "a", "b"], await ReceiveAsync(socket, 3));
        connection.RequestClose(WebSocketCloseStatus.NormalClosure);
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_newer_progress_of_the_same_variant_replaces_the_unsent_older_one()
    {
        var socket = new ScriptedSocket(sendsFlow: false);
        var connection = Connect(socket);
        var running = connection.RunAsync(Text("sync"), CancellationToken.None);
        connection.Enqueue(Text("progress-a-1"), coalesceKey: "run-a");
        connection.Enqueue(Text("progress-b-1"), coalesceKey: "run-b");
        connection.Enqueue(Text("progress-a-2"), coalesceKey: "run-a");
        connection.Enqueue(Text("status-a"));
        socket.LetSendsFlow();

        Assert.Equal(["sync", "progress-a-2", "progress-b-1", "status-a"], await ReceiveAsync(socket, 4));
        connection.RequestClose(WebSocketCloseStatus.NormalClosure);
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_full_queue_closes_the_connection_with_1013()
    {
        var socket = new ScriptedSocket(sendsFlow: false);
        var connection = Connect(socket, queueCapacity: 4);
        var running = connection.RunAsync(Text("sync"), CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            connection.Enqueue(Text($"m{i}"));
        }

        // Closed as too slow: with a close frame when no send was pending, else dropped (no frame can follow a stuck send).
        await running.WaitAsync(Patience);
        Assert.Equal(HubConnection.TooSlow, connection.CloseStatus);
        if (socket.State != WebSocketState.Aborted)
        {
            Assert.Equal(HubConnection.TooSlow, await socket.ClosedWith.Task.WaitAsync(Patience));
        }
    }

    [Fact]
    public async Task A_send_stuck_longer_than_the_send_timeout_closes_the_connection_with_1013()
    {
        var socket = new ScriptedSocket(sendsFlow: false);
        var connection = Connect(socket, sendTimeout: TimeSpan.FromMilliseconds(200));
        var running = connection.RunAsync(Text("sync"), CancellationToken.None);

        // Before the timeout, the sweep leaves a pending send alone.
        connection.CheckSend();
        Assert.Equal(WebSocketState.Open, socket.State);
        // The heartbeat's sweep, as it runs every second; here until the send has been pending past the timeout. No close
        // frame can follow a stuck send: the socket is aborted, and the connection ends as too slow.
        using var patience = new CancellationTokenSource(Patience);
        while (socket.State == WebSocketState.Open)
        {
            await Task.Delay(50, patience.Token);
            connection.CheckSend();
        }
        Assert.Equal(WebSocketState.Aborted, socket.State);
        Assert.Equal(HubConnection.TooSlow, connection.CloseStatus);
        await running.WaitAsync(Patience);
        Assert.Equal(0, socket.Delivered.Reader.Count);
    }

    [Fact]
    public async Task A_stalled_client_does_not_hold_up_delivery_to_another()
    {
        var stalledSocket = new ScriptedSocket(sendsFlow: false);
        var healthySocket = new ScriptedSocket(sendsFlow: true);
        var stalled = Connect(stalledSocket, queueCapacity: 8);
        var healthy = Connect(healthySocket, queueCapacity: 8);
        var runs = new[]
        {
            stalled.RunAsync(Text("sync"), CancellationToken.None),
            healthy.RunAsync(Text("sync"), CancellationToken.None),
        };

        // Fan-out as the broadcast consumer does it: one enqueue per connection, never waiting on a socket. Each event
        // reaches the healthy client while the stalled one has not taken a single message.
        Assert.Equal(["sync"], await ReceiveAsync(healthySocket, 1));
        for (var i = 0; i < 50; i++)
        {
            var payload = Text($"event-{i}");
            stalled.Enqueue(payload);
            healthy.Enqueue(payload);
            Assert.Equal([$"event-{i}"], await ReceiveAsync(healthySocket, 1));
        }

        await runs[0].WaitAsync(Patience);
        Assert.Equal(HubConnection.TooSlow, stalled.CloseStatus);
        Assert.NotEqual(WebSocketState.Open, stalledSocket.State);
        Assert.Equal(0, stalledSocket.Delivered.Reader.Count);
        Assert.True(healthySocket.State == WebSocketState.Open);
        healthy.RequestClose(WebSocketCloseStatus.NormalClosure);
        await Task.WhenAll(runs).WaitAsync(Patience);
    }

    [Theory]
    [InlineData("{\"type\":\"pong\"}", true)]
    [InlineData("  {\"type\" : \"pong\", \"extra\": 1}", true)]
    [InlineData("{\"type\":\"ping\"}", false)]
    [InlineData("{\"type\":\"PONG\"}", false)]
    [InlineData("{\"type\":1}", false)]
    [InlineData("[\"pong\"]", false)]
    [InlineData("\"pong\"", false)]
    [InlineData("{\"type\":\"pong\"", false)]
    [InlineData("not json", false)]
    [InlineData("", false)]
    public void Only_a_JSON_object_with_type_pong_counts_as_a_pong(string message, bool isPong) =>
        Assert.Equal(isPong, HubConnection.IsPong(Encoding.UTF8.GetBytes(message)));
}
