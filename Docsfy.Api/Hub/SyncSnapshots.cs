using System.Collections.Concurrent;
using Docsfy.Api.Auth;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Hub;

/// <summary>
/// Serialized <c>sync</c> messages, built once per visibility scope (all admins share one; every other user has their
/// own) and reused until the database's snapshot version moves. A reused sync costs one single-row query instead of
/// reading and serializing every visible variant; every change to variants or grants, by any replica or by hand in
/// SQL, moves the version, so a reused sync is never older than the database.
/// </summary>
public sealed class SyncSnapshots(ProjectStore projects)
{
    /// <summary>Scopes kept at most; past it the least recently built are dropped (they are rebuilt when asked for).</summary>
    private const int MaxScopes = 256;

    private readonly ConcurrentDictionary<string, Task<Built>> _scopes = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scope = caller.IsAdmin ? "admin" : $"user:{caller.Username.ToLowerInvariant()}";
        var version = await projects.SnapshotVersionAsync(cancellationToken);
        while (true)
        {
            var current = _scopes.GetValueOrDefault(scope);
            if (current is { IsCompletedSuccessfully: true } && current.Result.Version >= version)
            {
                return current.Result.Payload;
            }
            if (current is { IsCompleted: false })
            {
                // Someone is building this scope right now: wait for it rather than build it twice at once.
                await ((Task)current).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (current.IsCompletedSuccessfully && current.Result.Version >= version)
                {
                    return current.Result.Payload;
                }
            }
            var build = BuildAsync(caller, cancellationToken);
            if (current is null ? _scopes.TryAdd(scope, build) : _scopes.TryUpdate(scope, build, current))
            {
                TrimIfNeeded();
                try
                {
                    return (await build).Payload;
                }
                catch
                {
                    _scopes.TryRemove(new KeyValuePair<string, Task<Built>>(scope, build));
                    throw;
                }
            }
            // Another caller replaced the entry first; look again.
        }
    }

    private async Task<Built> BuildAsync(Caller caller, CancellationToken cancellationToken)
    {
        var (version, snapshot) = await projects.VersionedSnapshotAsync(caller, cancellationToken);
        return new Built(version, HubPayloads.Sync(snapshot), DateTime.UtcNow);
    }

    private void TrimIfNeeded()
    {
        if (_scopes.Count <= MaxScopes)
        {
            return;
        }
        foreach (var (scope, _) in _scopes.Where(s => s.Value.IsCompletedSuccessfully)
                     .OrderBy(s => s.Value.Result.BuiltAt).Take(_scopes.Count - MaxScopes))
        {
            _scopes.TryRemove(scope, out _);
        }
    }

    private sealed record Built(long Version, byte[] Payload, DateTime BuiltAt);
}
