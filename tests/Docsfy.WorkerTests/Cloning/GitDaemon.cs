using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// <c>git daemon</c> serving one folder of repositories on loopback, so URL clones (shallow, over the git protocol) can
/// be tested without the internet. Stopped by its process id on dispose.
/// </summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string UrlOf(string repositoryFolderName) => $"git://127.0.0.1:{Port}/{repositoryFolderName}";

    public static async Task<GitDaemon> StartAsync(string basePath)
    {
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("git",
            ["daemon", "--reuseaddr", "--export-all", "--informative-errors", $"--base-path={basePath}",
             "--listen=127.0.0.1", $"--port={port}", basePath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var daemon = new GitDaemon(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return daemon;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        daemon.Dispose();
        throw new InvalidOperationException("git daemon did not start listening.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
