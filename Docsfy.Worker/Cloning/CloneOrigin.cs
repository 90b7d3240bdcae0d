using Docsfy.Contracts.Repositories;
using Docsfy.Credentials;
using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>Where a clone comes from: the URL handed to LibGit2Sharp, how deep to fetch, and how to name it in logs.</summary>
/// <param name="CheckedAddress">
/// For ssh, the address the host check approved, which <see cref="GuardedSshSubtransport"/> connects to instead of
/// letting ssh resolve the name again. (HTTP(S) checks every address it connects to itself.)
/// </param>
/// <param name="Credential">The project's credential, handed to the transports through <see cref="CloneNetworkScope"/>.</param>
internal sealed record CloneOrigin(string Url, int Depth, string Display, System.Net.IPAddress? CheckedAddress = null,
    RepositoryCredential? Credential = null)
{
    /// <summary>
    /// Checks the URL again at clone time, with DNS resolution (the API checked it at submission, but DNS can change),
    /// and refuses with a message users may see.
    /// </summary>
    public static async Task<CloneOrigin> FromUrlAsync(string url, bool allowLoopback, CancellationToken cancellationToken)
    {
        if (!RepositoryAddress.TryParse(url, allowLoopback, out var address, out var problem))
        {
            throw new CloneFailedException(problem);
        }
        var host = await HostSafety.CheckResolvedAsync(address.Host, allowLoopback, cancellationToken);
        if (!host.IsAllowed)
        {
            throw new CloneFailedException(host.Problem!);
        }
        // libgit2 (1.9, LibGit2Sharp 0.32) fetches shallowly over smart HTTP, but a shallow fetch over the stateful
        // protocols (git://, and ssh by the same code path) ends in "error receiving data from socket": those clone in full.
        var depth = address.Scheme is "https" or "http" ? 1 : 0;
        return new CloneOrigin(address.Url, depth, address.Url, address.Scheme == "ssh" ? host.Addresses[0] : null);
    }

    /// <summary>
    /// A local repository (admin only) is cloned through a <c>file://</c> URL: that makes libgit2 fetch from it like a
    /// remote instead of copying or hard-linking its object files, so nothing in the target shares storage with it.
    /// libgit2 cannot fetch shallowly from the local transport, so this clone is full.
    /// </summary>
    public static CloneOrigin FromLocalPath(string path)
    {
        if (!Path.IsPathFullyQualified(path) || !Directory.Exists(path))
        {
            throw new CloneFailedException($"The folder '{path}' does not exist.");
        }
        var full = Path.GetFullPath(path);
        if (!Repository.IsValid(full))
        {
            throw new CloneFailedException($"The folder '{path}' is not a git repository.");
        }
        return new CloneOrigin(new Uri(full).AbsoluteUri, Depth: 0, full);
    }
}
