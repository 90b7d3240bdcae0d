using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Docsfy.Bench.Infrastructure;

/// <summary>Opens many hub sockets with bounded parallelism and waits for each one's sync; closes them all at the end.</summary>
public sealed class HubSocketPool : IAsyncDisposable
{
    // Enough in flight to keep the server busy, few enough not to overflow its accept backlog on a 2-core machine.
    private const int Parallelism = 32;

    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler { UseCookies = false });
    private readonly ConcurrentBag<HubSocket> _sockets = [];
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public IReadOnlyCollection<HubSocket> Sockets => _sockets;

    /// <summary>Why connections failed, with how many failed for each reason.</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    public int Open => _sockets.Count(s => s.EndReason is null);

    /// <summary>Opens <paramref name="count"/> more sockets, each counted only once its sync has arrived.</summary>
    public async Task OpenAsync(Uri uri, int count, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var opened = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (_, token) =>
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(60));
                    var socket = await HubSocket.ConnectAsync(uri, _invoker, timeout.Token);
                    _sockets.Add(socket);
                    await socket.First.WaitAsync(timeout.Token);
                    var done = Interlocked.Increment(ref opened);
                    if (done % 1000 == 0)
                    {
                        progress?.Report(done);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    _failures.AddOrUpdate(Describe(exception), 1, (_, n) => n + 1);
                }
            });
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_sockets, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (socket, _) => await socket.DisposeAsync());
        _sockets.Clear();
        _invoker.Dispose();
    }

    private static string Describe(Exception exception) => exception switch
    {
        _ when exception.InnerException is SocketException socket => $"socket: {socket.SocketErrorCode}",
        OperationCanceledException => "timed out after 60 s",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
