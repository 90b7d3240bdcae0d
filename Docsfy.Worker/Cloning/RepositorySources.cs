using Docsfy.Credentials;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// What to clone, with the project's credential when it has one (docs/design/refresh.md §8). The credential is read
/// from PostgreSQL by the project's key at the moment it is needed, never carried in a message.
/// </summary>
public sealed class RepositorySources(CredentialStore credentials)
{
    /// <summary>
    /// The source of project (<paramref name="project"/>, <paramref name="owner"/>). Throws
    /// <see cref="CredentialUnreadableException"/> when its credential is stored but cannot be opened.
    /// </summary>
    public async Task<RepositorySource> ForProjectAsync(string? url, string? path, string branch, string project, string owner,
        CancellationToken cancellationToken)
    {
        // Only a URL can need one: a path is read from the worker's own disk.
        var credential = url is null ? null : await credentials.LoadAsync(project, owner, cancellationToken);
        return new RepositorySource(url, path, branch, credential);
    }
}
