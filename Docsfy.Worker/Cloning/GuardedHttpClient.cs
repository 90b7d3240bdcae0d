using System.Net;
using System.Net.Sockets;
using Docsfy.Contracts.Repositories;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// The HTTP client behind clones. Every connection is checked where it is made: the host is resolved, every address must
/// be public (loopback only when the clone allows it), and the socket connects to exactly those addresses, so neither a
/// DNS answer that changes after the first check nor a redirect can reach an internal address. Redirects are never
/// followed and no proxy is used (a proxy would hide the real destination from the check).
/// </summary>
internal static class GuardedHttpClient
{
    public static readonly HttpRequestOptionsKey<bool> AllowLoopback = new("Docsfy.AllowLoopback");

    public static HttpClient Instance { get; } = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowLoopback = context.InitialRequestMessage.Options.TryGetValue(AllowLoopback, out var allowed) && allowed;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refused = addresses.FirstOrDefault(a => AddressRanges.IsNonGlobal(a) && !(allowLoopback && AddressRanges.IsLoopback(a)));
        if (addresses.Length == 0 || refused is not null)
        {
            throw new HttpRequestException(
                $"Refused to connect to '{host}': it resolves to {refused?.ToString() ?? "nothing"}, not a public internet address.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
