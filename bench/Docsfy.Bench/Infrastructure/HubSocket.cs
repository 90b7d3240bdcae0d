using System.Diagnostics;
using System.Net.WebSockets;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// One client of <c>/api/ws</c>, kept as cheap as possible because the bench holds thousands: it answers pings (so the
/// server's heartbeat never closes it), records when the first message (the <c>sync</c>) arrived and how large it was, and
/// hands every later message to the current <see cref="IHubMessageSink"/>.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    private static readonly byte[] Ping = "{\"type\":\"ping\"}"u8.ToArray();
    private static readonly byte[] Pong = "{\"type\":\"pong\"}"u8.ToArray();

    private readonly ClientWebSocket _socket;
    private readonly TaskCompletionSource<FirstMessage> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiving;
    private volatile IHubMessageSink? _sink;
    private int _pings;

    private HubSocket(ClientWebSocket socket, long connectStartedAt)
    {
        _socket = socket;
        _receiving = Task.Run(() => ReceiveLoopAsync(connectStartedAt));
    }

    /// <summary>The initial <c>sync</c>: its size and the time from the start of the connect to its last byte.</summary>
    public Task<FirstMessage> First => _first.Task;

    public int PingsAnswered => Volatile.Read(ref _pings);

    /// <summary>How the socket ended: null while it is open.</summary>
    public string? EndReason { get; private set; }

    public IHubMessageSink? Sink
    {
        get => _sink;
        set => _sink = value;
    }

    public static async Task<HubSocket> ConnectAsync(Uri uri, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // the hub has its own ping; protocol pings would only add load
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await socket.ConnectAsync(uri, invoker, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new HubSocket(socket, startedAt);
    }

    private async Task ReceiveLoopAsync(long connectStartedAt)
    {
        // Small to start with (thousands of idle sockets), grown for the one large message: the sync.
        var buffer = new byte[4096];
        var first = true;
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                var receivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    EndReason = $"closed by server ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    _first.TrySetException(new InvalidOperationException(EndReason));
                    return;
                }
                var message = buffer.AsSpan(0, length);
                if (first)
                {
                    first = false;
                    _first.TrySetResult(new FirstMessage(length, Stopwatch.GetElapsedTime(connectStartedAt, receivedAt)));
                    if (buffer.Length > 4096)
                    {
                        buffer = new byte[4096]; // do not keep a sync-sized buffer per idle socket
                    }
                }
                else if (message.SequenceEqual(Ping))
                {
                    Interlocked.Increment(ref _pings);
                    await _socket.SendAsync(Pong, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
                else
                {
                    _sink?.OnMessage(message, receivedAt);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            EndReason ??= $"dropped ({exception.Message})";
            _first.TrySetException(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }
}

/// <summary>The first message a socket received.</summary>
public sealed record FirstMessage(int Bytes, TimeSpan SinceConnectStarted);

/// <summary>Receives each non-ping message after the sync, on the socket's receive loop (keep it short).</summary>
public interface IHubMessageSink
{
    void OnMessage(ReadOnlySpan<byte> message, long receivedAt);
}
