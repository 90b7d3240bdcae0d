using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// A test's WebSocket to <c>/api/ws</c>: collects every message, answers pings when told to, and records how the server
/// closed the socket.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiving;
    private Task? _ponging;

    private HubClient(ClientWebSocket socket, bool answerPings, bool stalled)
    {
        _socket = socket;
        AnswerPings = answerPings;
        Replica = socket.HttpResponseHeaders?.TryGetValue("X-Docsfy-Replica", out var replica) == true ? replica.First() : null;
        if (!stalled)
        {
            ResumeReading();
        }
    }

    public bool AnswerPings { get; set; }

    /// <summary>Which API replica holds this socket.</summary>
    public string? Replica { get; }

    public int PingsSeen { get; private set; }

    /// <summary>The reason the server gave when it closed the socket (after <see cref="ClosedAsync"/>).</summary>
    public string? CloseReason => _socket.CloseStatusDescription;

    public static async Task<HubClient> ConnectAsync(DocsfyAppHost host, string? token = null, string? sessionCookie = null,
        string? origin = null, string? authorizationHeader = null, bool answerPings = true, bool stalled = false,
        string? clientAddress = null)
    {
        var api = host.ApiBaseAddress;
        var uri = new UriBuilder(api) { Scheme = "ws", Path = "/api/ws", Query = token is null ? "" : $"token={Uri.EscapeDataString(token)}" }.Uri;
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetRequestHeader(ClientAddresses.Header, clientAddress ?? ClientAddresses.Next());
        if (sessionCookie is not null)
        {
            socket.Options.SetRequestHeader("Cookie", $"docsfy_session={sessionCookie}");
        }
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        if (authorizationHeader is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorizationHeader);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(uri, timeout.Token);
        return new HubClient(socket, answerPings, stalled);
    }

    /// <summary>A socket past its first <c>sync</c>, so what it reads next is what happens after now.</summary>
    public static async Task<HubClient> ConnectSyncedAsync(DocsfyAppHost host, string token)
    {
        var socket = await ConnectAsync(host, token: token);
        await socket.NextOfTypeAsync("sync");
        return socket;
    }

    /// <summary>One socket per API replica for the same credential, each past its first <c>sync</c>.</summary>
    public static async Task<List<HubClient>> ConnectOnEveryReplicaAsync(DocsfyAppHost host, string token)
    {
        var sockets = new List<HubClient>();
        for (var attempt = 0; attempt < 6 * host.ApiReplicas && sockets.Count < host.ApiReplicas; attempt++)
        {
            var socket = await ConnectSyncedAsync(host, token);
            if (sockets.Any(s => s.Replica == socket.Replica))
            {
                await socket.DisposeAsync();
                continue;
            }
            sockets.Add(socket);
        }
        if (sockets.Count < host.ApiReplicas || sockets.Any(s => s.Replica is null))
        {
            throw new Xunit.Sdk.XunitException(
                $"Expected a socket on each of {host.ApiReplicas} replicas, got {sockets.Count} ({string.Join(", ", sockets.Select(s => s.Replica))}).");
        }
        return sockets;
    }

    /// <summary>
    /// Sends a pong every half ping interval without reading anything: a stalled reader the heartbeat can never close,
    /// so only the slow-client policy (a full queue or a stuck send) can.
    /// </summary>
    public void PongWithoutReading() => _ponging ??= Task.Run(async () =>
    {
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                await SendTextAsync("{\"type\":\"pong\"}");
                await Task.Delay(HubTimings.PingInterval / 2, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    });

    /// <summary>Starts reading a socket connected with <c>stalled: true</c>, which until now never read a byte.</summary>
    public void ResumeReading() => _receiving ??= Task.Run(ReceiveLoopAsync);

    /// <summary>The next message that is not a ping.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("No hub message arrived in time.");
        }
    }

    /// <summary>The next message of the given type, skipping others (they are returned in <paramref name="skipped"/>).</summary>
    public async Task<JsonElement> NextOfTypeAsync(string type, List<JsonElement>? skipped = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException($"No '{type}' message arrived in time.");
            }
            var message = await NextAsync(remaining);
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
            skipped?.Add(message);
        }
    }

    /// <summary>The messages received and not yet read, without waiting for more.</summary>
    public List<JsonElement> Received()
    {
        var messages = new List<JsonElement>();
        while (_messages.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>How the server closed the socket (null when the connection just dropped), or a timeout failure.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync(TimeSpan timeout)
    {
        try
        {
            return await _closed.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException("The server did not close the socket in time.");
        }
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) => _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult(result.CloseStatus);
                    return;
                }
                var message = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
                if (message.GetProperty("type").GetString() == "ping")
                {
                    PingsSeen++;
                    if (AnswerPings)
                    {
                        await SendTextAsync("{\"type\":\"pong\"}");
                    }
                    continue;
                }
                await _messages.Writer.WriteAsync(message);
            }
        }
        catch (Exception)
        {
            _closed.TrySetResult(null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        await _stop.CancelAsync();
        foreach (var task in new[] { _receiving, _ponging }.OfType<Task>())
        {
            await task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _socket.Dispose();
        _stop.Dispose();
    }
}
