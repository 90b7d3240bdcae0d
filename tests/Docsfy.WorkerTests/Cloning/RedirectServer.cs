using System.Net;
using System.Net.Sockets;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>A loopback HTTP server that answers every request with a redirect to another base URL.</summary>
public sealed class RedirectServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public RedirectServer(string targetBase)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    context.Response.Redirect(targetBase.TrimEnd('/') + context.Request.Url!.PathAndQuery);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
    }

    public int Port { get; }

    public string UrlOf(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }
}
