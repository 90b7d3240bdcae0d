using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Docsfy.Api.Auth;

namespace Docsfy.Api.Hub;

/// <summary>
/// One accepted socket. It has its own bounded outgoing queue and writer, so a slow client only ever waits on itself:
/// a newer <c>progress</c> of a variant replaces an unsent older one, a full queue or a stuck send closes the socket,
/// and the client reconnects to a fresh <c>sync</c>.
/// </summary>
public sealed class HubConnection
{
    /// <summary>Close code for a client that cannot keep up ("try again later").</summary>
    public const WebSocketCloseStatus TooSlow = (WebSocketCloseStatus)1013;

    private static readonly TimeSpan WriterStopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly HubOptions _options;
    private readonly ILogger _logger;
    private readonly Action _abortTransport;
    private readonly Channel<Outgoing> _queue;
    private readonly Lock _unsentLock = new();
    private Dictionary<string, byte[]>? _unsentProgress; // made on first use: most sockets never coalesce anything
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _closeRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private int _closeOnce;
    private volatile bool _pongSinceLastPing;
    private int _missedPongs;
    private long _sendStartedAt;

    /// <param name="abortTransport">
    /// Drops the underlying connection. A socket that did not close cleanly may still have megabytes queued in the
    /// server's output buffers for a client that is not reading; dropping the connection frees them at once.
    /// </param>
    public HubConnection(WebSocket socket, Caller caller, IReadOnlySet<(string Name, string Owner)> grants, HubOptions options,
        ILogger logger, Action? abortTransport = null)
    {
        _socket = socket;
        _abortTransport = abortTransport ?? (() => { });
        _options = options;
        _logger = logger;
        Caller = caller;
        Grants = grants;
        _queue = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>Why the server closed (or will close) the socket; normal closure when the client closed it.</summary>
    public WebSocketCloseStatus CloseStatus => _closeStatus;

    /// <summary>Who is connected, with the role as of the last sync.</summary>
    public Caller Caller { get; private set; }

    /// <summary>The projects (name, owner) shared with the caller, as of the last sync.</summary>
    public IReadOnlySet<(string Name, string Owner)> Grants { get; private set; }

    public bool CanSee(string name, string owner) =>
        Caller.IsAdmin || string.Equals(owner, Caller.Username, StringComparison.OrdinalIgnoreCase) || Grants.Contains((name, owner));

    public void UpdateAccess(Caller caller, IReadOnlySet<(string Name, string Owner)> grants) => (Caller, Grants) = (caller, grants);

    /// <summary>
    /// Queues a message; when <paramref name="coalesceKey"/> names a message still unsent, that one is replaced. A keyed
    /// message waits in a map by key and the queue holds only its key, so replacing it and queueing it allocate nothing
    /// per message.
    /// </summary>
    public void Enqueue(byte[] payload, string? coalesceKey = null)
    {
        if (Volatile.Read(ref _closeOnce) == 1)
        {
            return;
        }
        if (coalesceKey is null)
        {
            if (_queue.Writer.TryWrite(new Outgoing(payload, null)))
            {
                return;
            }
        }
        else
        {
            lock (_unsentLock)
            {
                _unsentProgress ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
                if (_unsentProgress.ContainsKey(coalesceKey))
                {
                    _unsentProgress[coalesceKey] = payload;
                    return;
                }
                if (_queue.Writer.TryWrite(new Outgoing(null, coalesceKey)))
                {
                    _unsentProgress[coalesceKey] = payload;
                    return;
                }
            }
        }

        _logger.LogInformation("Closing hub connection {ConnectionId} of {Username}: its send queue is full", Id, Caller.Username);
        RequestClose(TooSlow);
    }

    public void RequestClose(WebSocketCloseStatus status)
    {
        if (Interlocked.Exchange(ref _closeOnce, 1) == 1)
        {
            return;
        }
        _closeStatus = status;
        _closeRequested.TrySetResult();
        _closing.Cancel();
        if (status == TooSlow && Volatile.Read(ref _sendStartedAt) != 0)
        {
            // A client too slow to take what is queued has a send pending that may never finish, and no close frame can
            // go out behind it: drop the connection now, which also ends the send.
            _socket.Abort();
            _abortTransport();
        }
    }

    /// <summary>Runs the connection until either side closes it: first <paramref name="initialSync"/>, then the queue.</summary>
    public async Task RunAsync(byte[] initialSync, CancellationToken aborted)
    {
        var writer = Task.Run(() => WriteLoopAsync(initialSync));
        var reader = Task.Run(() => ReadLoopAsync(aborted));

        await Task.WhenAny(reader, _closeRequested.Task);
        RequestClose(WebSocketCloseStatus.NormalClosure);
        // A send stuck in the server's output pipe may not notice its cancellation until the transport is dropped, so
        // the wait is bounded; the finally below then aborts the connection, which ends any send still pending.
        await writer.WaitAsync(WriterStopTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(_closeStatus, null, timeout.Token);
            }
            await reader.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException
                                              or InvalidOperationException)
        {
            // InvalidOperationException: a send is still pending, so no close frame can go out; the abort below ends it.
        }
        finally
        {
            if (_socket.State != WebSocketState.Closed)
            {
                _socket.Abort();
                _abortTransport();
            }
            // _closing is not disposed: a writer stuck past the bounded wait above may still read its token.
        }
    }

    private async Task WriteLoopAsync(byte[] initialSync)
    {
        try
        {
            await SendAsync(initialSync);
            // The sync may be megabytes, and this method lives as long as the socket: do not keep it reachable.
            initialSync = [];
            while (await _queue.Reader.WaitToReadAsync(_closing.Token))
            {
                while (!_closing.IsCancellationRequested && _queue.Reader.TryRead(out var item))
                {
                    var payload = item.Payload ?? Take(item.CoalesceKey!);
                    // Inline rather than through SendAsync (no state machine per message), and not cancellable: the
                    // WebSocket's fast path is the one without a token. A send that gets stuck is ended by CheckSend.
                    Volatile.Write(ref _sendStartedAt, Stopwatch.GetTimestamp());
                    await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    Volatile.Write(ref _sendStartedAt, 0);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // A peer that vanished.
            _logger.LogInformation("Closing hub connection {ConnectionId} of {Username}: {Reason}", Id, Caller.Username, exception.Message);
            RequestClose(TooSlow);
        }
    }

    /// <summary>The newest payload queued under the key; a message with that key queued from now on is a new one.</summary>
    private byte[] Take(string coalesceKey)
    {
        lock (_unsentLock)
        {
            _unsentProgress!.Remove(coalesceKey, out var payload);
            return payload!;
        }
    }

    /// <summary>Sends one message; <see cref="CheckSend"/> closes the connection when it stays pending too long.</summary>
    private async Task SendAsync(byte[] payload)
    {
        Volatile.Write(ref _sendStartedAt, Stopwatch.GetTimestamp());
        await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        Volatile.Write(ref _sendStartedAt, 0);
    }

    /// <summary>
    /// Called about once a second by <see cref="HubHeartbeat"/>: a send pending longer than the send timeout closes the
    /// connection as too slow (1013), which drops it (see <see cref="RequestClose"/>). One sweep for all sockets instead
    /// of a timer per send keeps sending cheap. The close status is set before the drop, so the read loop ending on it
    /// does not get to call it a normal closure.
    /// </summary>
    public void CheckSend()
    {
        var startedAt = Volatile.Read(ref _sendStartedAt);
        if (startedAt != 0 && Stopwatch.GetElapsedTime(startedAt) > _options.SendTimeout)
        {
            _logger.LogInformation("Closing hub connection {ConnectionId} of {Username}: a send took longer than {SendTimeout}",
                Id, Caller.Username, _options.SendTimeout);
            RequestClose(TooSlow);
        }
    }

    /// <summary>Sends a ping; <see cref="HubHeartbeat"/> calls it for every socket at once, one timer for all.</summary>
    public void Ping()
    {
        _pongSinceLastPing = false;
        Enqueue(HubPayloads.Ping);
    }

    /// <summary>After the pong timeout: counts a missed pong, and closes with 1001 after <paramref name="maxMissed"/> in a row.</summary>
    public void CheckPong(int maxMissed)
    {
        _missedPongs = _pongSinceLastPing ? 0 : _missedPongs + 1;
        if (_missedPongs >= maxMissed)
        {
            _logger.LogInformation("Closing hub connection {ConnectionId} of {Username}: {Missed} pongs missed", Id, Caller.Username,
                _missedPongs);
            RequestClose(WebSocketCloseStatus.EndpointUnavailable);
        }
    }

    /// <summary>Reads until the client closes. Only <c>{"type":"pong"}</c> means anything; everything else is ignored.</summary>
    private async Task ReadLoopAsync(CancellationToken aborted)
    {
        try
        {
            while (true)
            {
                // An idle socket waits with a zero-byte read and holds no buffer; one is rented only while a message
                // is arriving (thousands of idle sockets would otherwise each keep a buffer they almost never use).
                var waited = await _socket.ReceiveAsync(Memory<byte>.Empty, aborted);
                if (waited.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                var buffer = ArrayPool<byte>.Shared.Rent(_options.MaxInboundMessageBytes);
                try
                {
                    if (await ReadMessageAsync(buffer.AsMemory(0, _options.MaxInboundMessageBytes), aborted))
                    {
                        return;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary>Reads one message into <paramref name="buffer"/> and notes a pong; true when the client closed.</summary>
    private async Task<bool> ReadMessageAsync(Memory<byte> buffer, CancellationToken aborted)
    {
        var length = 0;
        var tooBig = false;
        ValueWebSocketReceiveResult result;
        do
        {
            if (length == buffer.Length)
            {
                // Keep reading (and discarding) until the client answers the close: closing a socket with
                // unread data would reset the connection before the client sees the close code.
                RequestClose(WebSocketCloseStatus.MessageTooBig);
                (length, tooBig) = (0, true);
            }
            result = await _socket.ReceiveAsync(buffer[length..], aborted);
            length += result.Count;
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return true;
        }
        if (!tooBig && result.MessageType == WebSocketMessageType.Text && IsPong(buffer.Span[..length]))
        {
            _pongSinceLastPing = true;
        }
        return false;
    }

    internal static bool IsPong(ReadOnlySpan<byte> message)
    {
        try
        {
            var reader = new Utf8JsonReader(message);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && type.ValueEquals("pong");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A queued message: its bytes, or for a message that may still be replaced, the key its newest bytes wait under.</summary>
    private readonly record struct Outgoing(byte[]? Payload, string? CoalesceKey);
}
