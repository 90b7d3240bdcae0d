using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// The baseline: <c>bench/Docsfy.Bench.RawHub</c> (a bare ASP.NET Core WebSocket broadcaster) started as its own process
/// on a free loopback port, so its CPU and memory are measured the same way as the API's.
/// </summary>
public sealed class RawHub : IAsyncDisposable
{
    private readonly Process _process;

    private RawHub(Process process, int port)
    {
        _process = process;
        Port = port;
        Process = new ApiProcess(process.Id);
    }

    public int Port { get; }

    /// <summary>The server process (CPU time, RSS), like <see cref="ApiProcess"/> for the API.</summary>
    public ApiProcess Process { get; }

    public Uri ClientUri(int syncBytes = 0) => new($"ws://127.0.0.1:{Port}/ws" + (syncBytes > 0 ? $"?sync_bytes={syncBytes}" : ""));

    public Uri PublishUri => new($"ws://127.0.0.1:{Port}/publish");

    public static async Task<RawHub> StartAsync()
    {
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Docsfy.Bench.RawHub", "bin", "Release",
            "net10.0", "Docsfy.Bench.RawHub.dll"));
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build bench/Docsfy.Bench.RawHub -c Release (scripts/bench does).");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The same GC settings as the API process (workstation, concurrent), so memory figures compare like with like.
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("The raw hub did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new RawHub(process, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return hub;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                await hub.DisposeAsync();
                throw new InvalidOperationException("The raw hub did not start listening in 30 s.");
            }
        }
    }

    /// <summary>A port nothing listens on now (the bench must run beside a development instance on 8000).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _process.Dispose();
    }
}
