using Docsfy.Contracts;

namespace Docsfy.Api.Hub;

// Messages between API replicas. Every replica receives each one on its own temporary queue and acts on its own sockets.

/// <summary>
/// The <c>progress</c> and <c>status_change</c> messages of one applied batch of worker events (or of one run the API
/// ended itself), in the order they must reach clients. One broadcast per batch, not per event.
/// </summary>
public sealed record VariantEventsBroadcast(IReadOnlyList<VariantEvent> Events);

/// <summary>
/// A <c>progress</c> or <c>status_change</c> for the variant's viewers, already serialized once. Progress messages with
/// the same <see cref="CoalesceKey"/> (one run, one stage) may replace each other while unsent; stage changes never do.
/// </summary>
public sealed record VariantEvent(
    string Name, string Owner, Guid RunId, long Sequence, bool IsTerminal, string? CoalesceKey, string Payload)
{
    public static VariantEvent Progress(GenerationProgressed progress) => new(progress.Variant.Name, progress.Variant.Owner,
        progress.RunId, progress.Sequence, IsTerminal: false, $"{progress.RunId:N}/{progress.Stage}", HubPayloads.Progress(progress));

    public static VariantEvent StatusChange(GenerationFinished finished, string? lastGenerated, string? lastCommitSha) =>
        new(finished.Variant.Name, finished.Variant.Owner, finished.RunId, finished.Sequence, IsTerminal: true,
            CoalesceKey: null, HubPayloads.StatusChange(finished, lastGenerated, lastCommitSha));
}

/// <summary>A user's role or grants changed: reload them and send that user a fresh <c>sync</c>.</summary>
public sealed record UserResyncRequested(string Username);

/// <summary>A user was deleted or their credentials replaced: close their sockets.</summary>
public sealed record UserDisconnectRequested(string Username);

/// <summary>
/// Variants of project (name, owner) were deleted: everyone who could see it gets a fresh <c>sync</c>. The sockets'
/// own access sets decide for admins and the owner; <see cref="Usernames"/> names the grantees as of the delete, who
/// must hear about it even though the delete may have just removed their grant.
/// </summary>
public sealed record ProjectResyncRequested(string Name, string Owner, string[] Usernames);

/// <summary>An API replica is alive; replicas share the worker-event partitions among those alive.</summary>
public sealed record ApiReplicaAlive(string ReplicaId);
