using System.Collections.Concurrent;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Collects the console output of every resource instance (API replicas included) from the moment the app starts, so
/// tests can look for what must never be logged and failures can show what the services said.
/// </summary>
public sealed class ResourceLogCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, Task> _watchers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ResourceLoggerService _loggers;
    private readonly Task _discovery;

    public ResourceLogCollector(ResourceLoggerService loggers, ResourceNotificationService notifications)
    {
        _loggers = loggers;
        _discovery = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in notifications.WatchAsync(_stop.Token))
                {
                    _ = _watchers.GetOrAdd(update.ResourceId, id => Task.Run(() => CollectAsync(id)));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public IEnumerable<string> Lines => _lines;

    public string Tail(int count) => string.Join('\n', _lines.TakeLast(count));

    private async Task CollectAsync(string resourceId)
    {
        try
        {
            await foreach (var batch in _loggers.WatchAsync(resourceId).WithCancellation(_stop.Token))
            {
                foreach (var line in batch)
                {
                    _lines.Enqueue($"[{resourceId}] {line.Content}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll([_discovery, .. _watchers.Values]).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
