using System.Net;
using System.Net.Sockets;

namespace Docsfy.Contracts.Repositories;

/// <summary>
/// Refuses hosts that are, or resolve to, addresses outside the public internet, so a repository URL cannot be used to
/// reach the worker's own network (metadata endpoints, databases, the broker). Fail-closed: a name that does not
/// resolve is refused, and one non-global address among many is enough to refuse.
/// </summary>
public static class HostSafety
{
    /// <summary>Resolves <paramref name="host"/> with the system resolver and checks every address.</summary>
    /// <param name="host">A host name or IP literal (IPv6 with or without brackets).</param>
    /// <param name="allowLoopback">Accept loopback (a test setting for cloning from a local git server).</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    public static Task<HostCheck> CheckResolvedAsync(string host, bool allowLoopback, CancellationToken cancellationToken) =>
        CheckResolvedAsync(host, allowLoopback, Dns.GetHostAddressesAsync, cancellationToken);

    /// <summary>As <see cref="CheckResolvedAsync(string,bool,CancellationToken)"/>, with a resolver tests can replace.</summary>
    public static async Task<HostCheck> CheckResolvedAsync(
        string host,
        bool allowLoopback,
        Func<string, CancellationToken, Task<IPAddress[]>> resolve,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = HostNames.Normalize(host);
        if (name.Length == 0)
        {
            return HostCheck.Refused("The repository host is empty.");
        }
        if (IPAddress.TryParse(name, out var literal))
        {
            return HostNames.ProblemWith(literal, allowLoopback) is { } problem
                ? HostCheck.Refused(problem)
                : HostCheck.AllowedAt([literal]);
        }
        if (HostNames.IsLocalhostName(name) && !allowLoopback)
        {
            return HostCheck.Refused($"The host '{name}' is this machine.");
        }

        IPAddress[] addresses;
        try
        {
            addresses = await resolve(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return HostCheck.Refused($"The host '{name}' could not be resolved.");
        }
        return addresses.Length == 0
            ? HostCheck.Refused($"The host '{name}' could not be resolved.")
            : Judge(addresses, allowLoopback, name);
    }

    private static HostCheck Judge(IReadOnlyList<IPAddress> addresses, bool allowLoopback, string name)
    {
        foreach (var address in addresses)
        {
            if (HostNames.ProblemWith(address, allowLoopback) is not null)
            {
                return HostCheck.Refused(
                    $"The host '{name}' resolves to {address}, which is not a public internet address.");
            }
        }
        return HostCheck.AllowedAt(addresses);
    }
}
