namespace Docsfy.Api.Hub;

// Messages between API replicas. Every replica receives each one on its own temporary queue and acts on its own sockets.

/// <summary>
/// A <c>progress</c> or <c>status_change</c> for the variant's viewers, already serialized once. Progress messages with
/// the same <see cref="CoalesceKey"/> (one run, one stage) may replace each other while unsent; stage changes never do.
/// </summary>
public sealed record VariantEventBroadcast(
    string Name, string Owner, Guid RunId, long Sequence, bool IsTerminal, string? CoalesceKey, string Payload);

/// <summary>A user's role or grants changed: reload them and send that user a fresh <c>sync</c>.</summary>
public sealed record UserResyncRequested(string Username);

/// <summary>A user was deleted or their credentials replaced: close their sockets.</summary>
public sealed record UserDisconnectRequested(string Username);
