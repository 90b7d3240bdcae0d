using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// A browser tab's view of the runs through a fault: it reads every hub message, keeps each variant's last status (from
/// <c>sync</c> snapshots and <c>status_change</c>) and what its <c>progress</c> showed (page counts, a resumed run), and
/// when its socket drops it reconnects, as the dashboard does, for a bounded time. What it ends up believing is what a user would see.
/// </summary>
public sealed class WatchingClient : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(250);

    private readonly DocsfyAppHost _host;
    private readonly string _token;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pageCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resumed = new(StringComparer.Ordinal);
    private readonly List<string> _pageCountsLowered = [];
    private readonly List<DateTime> _syncs = [];
    private readonly List<string?> _replicas = [];
    private readonly CancellationTokenSource _stop = new();
    private HubClient _socket;
    private Task? _pump;

    private WatchingClient(DocsfyAppHost host, string token, HubClient socket)
    {
        _host = host;
        _token = token;
        _socket = socket;
        _replicas.Add(socket.Replica);
    }

    /// <summary>Connects and reads the first <c>sync</c> before returning, then keeps reading in the background.</summary>
    public static async Task<WatchingClient> ConnectAsync(DocsfyAppHost host, string token)
    {
        var socket = await HubClient.ConnectAsync(host, token: token);
        var client = new WatchingClient(host, token, socket);
        client.Apply(await socket.NextOfTypeAsync("sync"));
        client._pump = Task.Run(client.PumpAsync);
        return client;
    }

    /// <summary><paramref name="perReplica"/> clients held by each API replica (the proxy in front picks one per connection).</summary>
    public static async Task<List<WatchingClient>> ConnectOnEveryReplicaAsync(DocsfyAppHost host, string token, int perReplica)
    {
        var clients = new List<WatchingClient>();
        var wanted = perReplica * host.ApiReplicas;
        for (var attempt = 0; attempt < 10 * wanted && clients.Count < wanted; attempt++)
        {
            var client = await ConnectAsync(host, token);
            if (clients.Count(c => c.Replica == client.Replica) >= perReplica)
            {
                await client.DisposeAsync();
                continue;
            }
            clients.Add(client);
        }
        if (clients.Count < wanted)
        {
            var held = string.Join(", ", clients.Select(c => c.Replica));
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
            throw new Xunit.Sdk.XunitException($"Expected {perReplica} clients on each of {host.ApiReplicas} replicas, got {held}.");
        }
        return clients;
    }

    /// <summary>The replica holding the socket now.</summary>
    public string? Replica
    {
        get
        {
            lock (_lock)
            {
                return _replicas[^1];
            }
        }
    }

    /// <summary>Every replica that held this client's socket, in order (one more each time it reconnected).</summary>
    public IReadOnlyList<string?> Replicas
    {
        get
        {
            lock (_lock)
            {
                return [.. _replicas];
            }
        }
    }

    /// <summary>False when the socket dropped and no reconnect succeeded within the bound.</summary>
    public bool Connected { get; private set; } = true;

    /// <summary>The status this client last saw for project <paramref name="name"/>, or null if it never saw it.</summary>
    public string? StatusOf(string name)
    {
        lock (_lock)
        {
            return _statuses.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// True once a <c>progress</c> of project <paramref name="name"/> said its run was resumed (taken over after its worker
    /// was lost or stopped, docs/design/pipeline.md §12).
    /// </summary>
    public bool SawResumed(string name)
    {
        lock (_lock)
        {
            return _resumed.Contains(name);
        }
    }

    /// <summary>Every time a <c>progress</c> showed a project fewer pages than the one before it did, described.</summary>
    public IReadOnlyList<string> PageCountsLowered
    {
        get
        {
            lock (_lock)
            {
                return [.. _pageCountsLowered];
            }
        }
    }

    /// <summary>When the first <c>sync</c> at or after <paramref name="since"/> arrived, if one did.</summary>
    public DateTime? FirstSyncSince(DateTime since)
    {
        lock (_lock)
        {
            return _syncs.Where(at => at >= since).Cast<DateTime?>().FirstOrDefault();
        }
    }

    private async Task PumpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            JsonElement message;
            try
            {
                message = await _socket.NextAsync(TimeSpan.FromMilliseconds(250));
            }
            catch (Xunit.Sdk.XunitException)
            {
                // Nothing arrived: either all is quiet, or the socket is gone and only a new one will hear anything.
                if (!_socket.IsOpen && !await ReconnectAsync())
                {
                    Connected = false;
                    return;
                }
                continue;
            }
            Apply(message);
        }
    }

    private async Task<bool> ReconnectAsync()
    {
        var deadline = DateTime.UtcNow + ReconnectFor;
        while (!_stop.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            try
            {
                var socket = await HubClient.ConnectAsync(_host, token: _token);
                var previous = _socket;
                _socket = socket;
                lock (_lock)
                {
                    _replicas.Add(socket.Replica);
                }
                await previous.DisposeAsync();
                return true;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The replica behind the proxy may be the dead one, or the whole API may still be coming back.
                await Task.Delay(ReconnectPause, CancellationToken.None);
            }
        }
        return false;
    }

    private void Apply(JsonElement message)
    {
        var type = message.GetProperty("type").GetString();
        lock (_lock)
        {
            if (type == "sync")
            {
                _syncs.Add(DateTime.UtcNow);
                foreach (var project in message.GetProperty("projects").EnumerateArray())
                {
                    _statuses[project.GetProperty("name").GetString()!] = project.GetProperty("status").GetString()!;
                }
            }
            else if (type == "progress")
            {
                var name = message.GetProperty("name").GetString()!;
                var pages = message.GetProperty("page_count").GetInt32();
                if (_pageCounts.TryGetValue(name, out var before) && pages < before)
                {
                    _pageCountsLowered.Add($"{name} went from {before} to {pages} pages");
                }
                _pageCounts[name] = Math.Max(pages, before);
                if (message.TryGetProperty("error_message", out var note) && note.ValueKind == JsonValueKind.String
                    && note.GetString()!.StartsWith("Resumed after the worker", StringComparison.Ordinal))
                {
                    _resumed.Add(name);
                }
            }
            else if (type == "status_change")
            {
                _statuses[message.GetProperty("name").GetString()!] = message.GetProperty("status").GetString()!;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _socket.DisposeAsync();
        _stop.Dispose();
    }
}
