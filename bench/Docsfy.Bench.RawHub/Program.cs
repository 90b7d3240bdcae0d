using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;

// The baseline the hub benchmark compares against: a minimal ASP.NET Core WebSocket broadcaster with no authentication,
// no database and no broker. Clients connect to /ws and get one first message (a small sync, or ?sync_bytes=N bytes);
// each text frame the publisher sends on /publish goes verbatim to every client through the same shape of per-socket
// bounded queue and writer as Docsfy's hub. Started by the bench with --urls on a free loopback port.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });

var clients = new ConcurrentDictionary<Guid, Channel<byte[]>>();
var syncCache = new ConcurrentDictionary<int, byte[]>();

app.Map("/ws", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = 400;
        return;
    }
    var syncBytes = int.TryParse(context.Request.Query["sync_bytes"], out var n) ? Math.Clamp(n, 0, 64 << 20) : 0;
    var sync = syncCache.GetOrAdd(syncBytes, SyncOfSize);
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(256) { SingleReader = true });
    var id = Guid.NewGuid();
    clients[id] = queue;
    try
    {
        var writer = Task.Run(async () =>
        {
            await socket.SendAsync(sync, WebSocketMessageType.Text, true, CancellationToken.None);
            await foreach (var payload in queue.Reader.ReadAllAsync())
            {
                await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        });
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }
        }
        queue.Writer.TryComplete();
        await writer.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
    catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
    {
    }
    finally
    {
        clients.TryRemove(id, out _);
        queue.Writer.TryComplete();
    }
});

app.Map("/publish", async context =>
{
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var buffer = new byte[1 << 16];
    while (true)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), context.RequestAborted);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return;
        }
        var payload = buffer[..length];
        foreach (var queue in clients.Values)
        {
            if (!queue.Writer.TryWrite(payload))
            {
                queue.Writer.TryComplete(); // a client that cannot keep up is dropped, as the hub does
            }
        }
    }
});

app.Run();

static byte[] SyncOfSize(int bytes)
{
    const string Head = "{\"type\":\"sync\",\"projects\":[],\"known_models\":{},\"known_branches\":{},\"filler\":\"";
    const string Tail = "\"}";
    var filler = Math.Max(0, bytes - Head.Length - Tail.Length);
    return System.Text.Encoding.UTF8.GetBytes(Head + new string('x', filler) + Tail);
}
