using System.Net.Sockets;
using System.Text;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Sends a request target byte for byte. HttpClient (through <see cref="Uri"/>) removes dot segments and unescapes some
/// characters before sending, so path traversal attempts must bypass it to reach the server as an attacker would send them.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Head, string Body);

    public static async Task<Response> GetAsync(DocsfyAppHost host, string target, params string[] headers)
    {
        var api = host.ApiBaseAddress;
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await client.ConnectAsync(api.Host, api.Port, timeout.Token);
        await using var stream = client.GetStream();
        var request = new StringBuilder()
            .Append($"GET {target} HTTP/1.1\r\nHost: {api.Authority}\r\nConnection: close\r\n")
            .Append($"{ClientAddresses.Header}: {ClientAddresses.Next()}\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()), timeout.Token);

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, timeout.Token);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var status = int.Parse(head.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Response(status, head, body);
    }
}
