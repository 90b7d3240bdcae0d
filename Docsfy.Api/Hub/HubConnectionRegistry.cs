using System.Net.WebSockets;
using Docsfy.Api.Auth;

namespace Docsfy.Api.Hub;

/// <summary>
/// The sockets connected to this API replica, indexed by who may see what: admins, each owner's own sockets, and each
/// shared project's grantees. An event finds its recipients through the index, without testing every connection.
/// </summary>
public sealed class HubConnectionRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, HubConnection> _connections = [];
    private readonly HashSet<HubConnection> _admins = [];
    private readonly Dictionary<string, HashSet<HubConnection>> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Name, string Owner), HashSet<HubConnection>> _byGrant = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    public IReadOnlyList<HubConnection> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections.Values];
            }
        }
    }

    public void Add(HubConnection connection)
    {
        lock (_lock)
        {
            _connections[connection.Id] = connection;
            Index(connection);
        }
    }

    public void Remove(HubConnection connection)
    {
        lock (_lock)
        {
            if (_connections.Remove(connection.Id))
            {
                Unindex(connection);
            }
        }
    }

    /// <summary>Gives the connection its caller's current role and grants, and files it under them.</summary>
    public void UpdateAccess(HubConnection connection, Caller caller, IReadOnlySet<(string Name, string Owner)> grants)
    {
        lock (_lock)
        {
            var registered = _connections.ContainsKey(connection.Id);
            if (registered)
            {
                Unindex(connection);
            }
            connection.UpdateAccess(caller, grants);
            if (registered)
            {
                Index(connection);
            }
        }
    }

    /// <summary>Everyone who may see project (name, owner): admins, the owner, and its grantees.</summary>
    public IReadOnlyList<HubConnection> Viewers(string name, string owner)
    {
        lock (_lock)
        {
            var viewers = new List<HubConnection>(_admins);
            if (_byUser.TryGetValue(owner, out var own))
            {
                viewers.AddRange(own.Where(c => !c.Caller.IsAdmin));
            }
            if (_byGrant.TryGetValue((name, owner), out var granted))
            {
                viewers.AddRange(granted.Where(c => !c.Caller.IsAdmin
                                                    && !string.Equals(c.Caller.Username, owner, StringComparison.OrdinalIgnoreCase)));
            }
            return viewers;
        }
    }

    public IReadOnlyList<HubConnection> Of(string username)
    {
        lock (_lock)
        {
            return _byUser.TryGetValue(username, out var connections) ? [.. connections] : [];
        }
    }

    public void CloseAll(WebSocketCloseStatus status)
    {
        foreach (var connection in All)
        {
            connection.RequestClose(status);
        }
    }

    private void Index(HubConnection connection)
    {
        if (connection.Caller.IsAdmin)
        {
            _admins.Add(connection);
        }
        Set(_byUser, connection.Caller.Username).Add(connection);
        foreach (var grant in connection.Grants)
        {
            Set(_byGrant, grant).Add(connection);
        }
    }

    private void Unindex(HubConnection connection)
    {
        _admins.Remove(connection);
        Remove(_byUser, connection.Caller.Username, connection);
        foreach (var grant in connection.Grants)
        {
            Remove(_byGrant, grant, connection);
        }
    }

    private static HashSet<HubConnection> Set<TKey>(Dictionary<TKey, HashSet<HubConnection>> index, TKey key) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = [];
        }
        return set;
    }

    private static void Remove<TKey>(Dictionary<TKey, HashSet<HubConnection>> index, TKey key, HubConnection connection)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var set) && set.Remove(connection) && set.Count == 0)
        {
            index.Remove(key);
        }
    }
}
