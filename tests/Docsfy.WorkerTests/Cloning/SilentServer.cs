using System.Net;
using System.Net.Sockets;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>A loopback server that accepts connections and never answers: a clone of it blocks where no callback runs.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"git://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/never.git";

    public string HttpUrl => $"http://127.0.0.1:{Port}/never.git";

    /// <summary>An ssh URL of this server under <paramref name="host"/> (a name or address that reaches loopback).</summary>
    public string SshUrl(string host = "127.0.0.1") => $"ssh://git@{host}:{Port}/owner/never.git";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closing the connections lets an abandoned clone thread finish.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted)
        {
            _accepted.ForEach(socket => socket.Dispose());
        }
        _stop.Dispose();
    }
}
