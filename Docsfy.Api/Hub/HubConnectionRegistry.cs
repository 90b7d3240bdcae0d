using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Docsfy.Api.Hub;

/// <summary>The sockets connected to this API replica.</summary>
public sealed class HubConnectionRegistry
{
    private readonly ConcurrentDictionary<Guid, HubConnection> _connections = new();

    public int Count => _connections.Count;

    public IEnumerable<HubConnection> All => _connections.Values;

    public void Add(HubConnection connection) => _connections[connection.Id] = connection;

    public void Remove(HubConnection connection) => _connections.TryRemove(connection.Id, out _);

    public IEnumerable<HubConnection> Of(string username) =>
        _connections.Values.Where(c => string.Equals(c.Caller.Username, username, StringComparison.OrdinalIgnoreCase));

    public void CloseAll(WebSocketCloseStatus status)
    {
        foreach (var connection in _connections.Values)
        {
            connection.RequestClose(status);
        }
    }
}
