using System.Collections.Concurrent;
using Docsfy.Api.Hub;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// The API replicas that are alive, as heard from their <see cref="ApiReplicaAlive"/> announcements, and which worker-event
/// partitions this replica should be the active consumer of: with n replicas sorted by id, the one of rank r prefers the
/// partitions p with p mod n = r.
/// </summary>
public sealed class ReplicaMembership(TimeProvider time)
{
    public static readonly TimeSpan AnnounceInterval = TimeSpan.FromSeconds(2);

    /// <summary>A replica not heard from for this long is taken for gone (three announcements missed).</summary>
    public static readonly TimeSpan Lifetime = AnnounceInterval * 3;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);

    public void Heard(string replicaId) => _lastHeard[replicaId] = time.GetUtcNow();

    /// <summary>The ids of the live replicas, this one always among them, sorted.</summary>
    public IReadOnlyList<string> Alive()
    {
        var cutoff = time.GetUtcNow() - Lifetime;
        foreach (var (id, heard) in _lastHeard)
        {
            if (heard < cutoff)
            {
                _lastHeard.TryRemove(id, out _);
            }
        }
        return [.. _lastHeard.Keys.Append(ReplicaIdentity.Id).Distinct().Order(StringComparer.Ordinal)];
    }

    public static bool Prefers(IReadOnlyList<string> alive, string replicaId, int partition)
    {
        var rank = alive.ToList().IndexOf(replicaId);
        return rank < 0 || partition % alive.Count == rank;
    }
}
