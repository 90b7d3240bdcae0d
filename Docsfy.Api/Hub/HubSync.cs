using Docsfy.Api.Auth;
using Docsfy.Api.Users;
using Npgsql;

namespace Docsfy.Api.Hub;

/// <summary>
/// Builds and sends <c>sync</c> snapshots: computed once per user (not per socket) or taken from
/// <see cref="SyncSnapshots"/>, after re-reading the user's role and grants, so a changed role or grant is in the very
/// next sync.
/// </summary>
public sealed class HubSync(SyncSnapshots snapshots, UserStore users, NpgsqlDataSource dataSource, HubConnectionRegistry registry,
    ILogger<HubSync> logger)
{
    /// <summary>The caller as of now (null when the user no longer exists), with their grants.</summary>
    public async Task<(Caller? Caller, IReadOnlySet<(string Name, string Owner)> Grants)> RefreshAccessAsync(Caller caller,
        CancellationToken cancellationToken)
    {
        if (caller.IsBuiltInAdmin)
        {
            return (caller, new HashSet<(string, string)>());
        }
        var user = await users.FindAsync(caller.Username, cancellationToken);
        if (user is null)
        {
            return (null, new HashSet<(string, string)>());
        }

        await using var command = dataSource.CreateCommand("select project_name, owner from access_grants where grantee_id = @id");
        command.Parameters.AddWithValue("id", user.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var grants = new HashSet<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            grants.Add((reader.GetString(0), reader.GetString(1)));
        }
        return (new Caller(user.Username, user.Role, user.Id), grants);
    }

    /// <summary>The caller's sync, reused from an earlier one while nothing it shows has changed.</summary>
    public Task<byte[]> BuildAsync(Caller caller, CancellationToken cancellationToken) => snapshots.GetAsync(caller, cancellationToken);

    /// <summary>Sends a fresh sync to each given connection, one snapshot per user.</summary>
    public async Task SendAsync(IEnumerable<HubConnection> connections, CancellationToken cancellationToken)
    {
        foreach (var group in connections.GroupBy(c => c.Caller.Username, StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                var (caller, grants) = await RefreshAccessAsync(group.First().Caller, cancellationToken);
                if (caller is null)
                {
                    foreach (var connection in group)
                    {
                        connection.RequestClose(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation);
                    }
                    continue;
                }
                var payload = await BuildAsync(caller, cancellationToken);
                foreach (var connection in group)
                {
                    registry.UpdateAccess(connection, caller, grants);
                    connection.Enqueue(payload);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Could not build a sync for {Username}", group.Key);
            }
        }
    }

    public Task SendToUserAsync(string username, CancellationToken cancellationToken) =>
        SendAsync(registry.Of(username), cancellationToken);

    public Task SendToAllAsync(CancellationToken cancellationToken) => SendAsync(registry.All, cancellationToken);
}
