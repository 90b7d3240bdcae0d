using Docsfy.Credentials;

namespace Docsfy.Worker.Cloning;

/// <summary>Clones a branch (shallow, no submodules, limited in time and size) into a scratch folder.</summary>
public interface IRepositoryCloner
{
    /// <summary>
    /// Clones <paramref name="source"/> into <paramref name="targetDirectory"/> (which must not exist). Throws
    /// <see cref="CloneFailedException"/> with a message safe to show users when the repository or branch is missing or
    /// unreachable, or a limit is exceeded.
    /// </summary>
    Task<Checkout> CloneAsync(RepositorySource source, string targetDirectory, CancellationToken cancellationToken);

    /// <summary>
    /// The commit the branch points at in the source, read without cloning (like <c>git ls-remote</c>), under the same
    /// address checks and time limit; null when it cannot be read (the clone then says why).
    /// </summary>
    Task<string?> ResolveHeadAsync(RepositorySource source, CancellationToken cancellationToken);

    /// <summary>
    /// The branch names of a repository (<paramref name="source"/>'s branch is ignored), read without cloning under the
    /// same address checks and time limit. Throws <see cref="CloneFailedException"/> with a message safe to show users
    /// when the repository cannot be read.
    /// </summary>
    Task<IReadOnlyList<string>> ListBranchesAsync(RepositorySource source, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the earlier commit <paramref name="commitSha"/> available in the checkout's repository (fetching it or
    /// deepening a shallow clone, within the same limits), for an incremental run to compare against. False when it
    /// cannot be had: the history was rewritten, or the commit is too far back.
    /// </summary>
    Task<bool> FetchCommitAsync(RepositorySource source, Checkout checkout, string commitSha, CancellationToken cancellationToken);
}

/// <summary>Exactly one of <paramref name="Url"/> and <paramref name="LocalPath"/>.</summary>
/// <param name="Credential">
/// The project's credential for a private repository (docs/design/refresh.md §8), or null. Its own ToString withholds
/// the secret, so this record can be logged.
/// </param>
/// <param name="Commit">
/// The commit to check out instead of the branch's head: one the branch had when an earlier attempt of the run cloned it
/// (docs/design/pipeline.md §12). Null for the head.
/// </param>
public sealed record RepositorySource(string? Url, string? LocalPath, string Branch, RepositoryCredential? Credential = null,
    string? Commit = null);

/// <summary>A checked-out commit. Files are read only through the checkout file reader, never by following links.</summary>
public sealed record Checkout(string Directory, string CommitSha);

public sealed class CloneFailedException(string message, Exception? inner = null) : Exception(message, inner);
