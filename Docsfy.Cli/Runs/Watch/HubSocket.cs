using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Docsfy.Cli.Connection;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>
/// One connection to <c>/api/ws</c>. The hub reads only <c>?token=</c> (never the Authorization header), so the key is
/// in the URL: that URL is built here and never printed. Every message is untrusted JSON of bounded size.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A sync of every visible variant fits easily; more is refused rather than buffered without end.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private static readonly byte[] Pong = Encoding.UTF8.GetBytes("""{"type":"pong"}""");

    private readonly ClientWebSocket _socket;

    private HubSocket(ClientWebSocket socket) => _socket = socket;

    public static async Task<HubSocket> ConnectAsync(ServerConnection connection, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(new Uri(connection.BaseUrl, "api/ws"))
        {
            Scheme = connection.BaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = $"token={Uri.EscapeDataString(connection.ApiKey)}",
        };
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(builder.Uri, timeout.Token);
            return new HubSocket(socket);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
            {
                throw new CliFailure(ExitCodes.Auth, $"The hub refused the connection ({(int)status}).");
            }
            // The exception's own message may name the URL, which holds the key: only the server's address is shown.
            throw status == 0
                ? NetworkFailures.From(exception.InnerException ?? exception, connection.BaseUrl, ConnectTimeout)
                : new CliFailure(ExitCodes.Unreachable, $"The hub at {connection.BaseUrl.GetLeftPart(UriPartial.Authority)} answered {(int)status} instead of a WebSocket.");
        }
    }

    /// <summary>The next message; throws <see cref="HubClosedException"/> when the socket closes, breaks or stays silent.</summary>
    public async Task<JsonDocument?> ReceiveAsync(TimeSpan idleLimit, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleLimit);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, idle.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new HubClosedException(result.CloseStatus, string.IsNullOrEmpty(result.CloseStatusDescription)
                        ? $"the hub closed the connection ({(int?)result.CloseStatus})"
                        : result.CloseStatusDescription);
                }
                if (message.Length + result.Count > MaxMessageBytes)
                {
                    throw new HubClosedException(null, $"the hub sent a message over {MaxMessageBytes / 1024 / 1024} MB");
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HubClosedException(null, $"nothing from the hub for {idleLimit.TotalSeconds:0} s");
        }
        catch (WebSocketException exception)
        {
            throw new HubClosedException(null, $"the connection broke ({exception.WebSocketErrorCode})");
        }
        try
        {
            var document = JsonDocument.Parse(message.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            // Not JSON: ignored, as the reference asks clients to do with what they do not understand.
            return null;
        }
    }

    public async Task SendPongAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await _socket.SendAsync(Pong, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new HubClosedException(null, "could not answer the hub's ping");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Closing politely is best effort; the socket is dropped either way.
            }
        }
        _socket.Dispose();
    }
}
