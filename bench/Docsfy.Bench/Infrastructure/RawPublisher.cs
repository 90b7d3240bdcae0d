using System.Net.WebSockets;
using System.Text.Json;
using Docsfy.Contracts;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// Sends the baseline's events: the same <c>progress</c> JSON the hub sends (same fields, same size), written to the raw
/// hub's publish socket, which fans it out as it is.
/// </summary>
public sealed class RawPublisher : IEventPublisher, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);

    private RawPublisher(ClientWebSocket socket) => _socket = socket;

    public static async Task<RawPublisher> ConnectAsync(Uri publishUri)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(publishUri, timeout.Token);
        return new RawPublisher(socket);
    }

    public async Task PublishAsync(RunningVariant variant, long sequence, int eventNumber)
    {
        var key = variant.Key;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "progress", name = key.Name, branch = key.Branch, provider = key.Provider, model = key.Model, owner = key.Owner,
            status = "generating", current_stage = "generating_pages", page_count = eventNumber, plan_json = (string?)null,
            error_message = (string?)null,
        }, Json);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Dispose();
        _sending.Dispose();
    }
}
