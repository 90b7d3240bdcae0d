using System.Net;

namespace Docsfy.Contracts.Repositories;

/// <summary>Host-name rules shared by URL parsing and the resolution check.</summary>
internal static class HostNames
{
    /// <summary>Lower case, without the trailing dot of a fully qualified name and without IPv6 brackets.</summary>
    public static string Normalize(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary><c>localhost</c> and anything under it always mean this machine (RFC 6761), whatever DNS says.</summary>
    public static bool IsLocalhostName(string normalizedHost) =>
        normalizedHost is "localhost" or "localhost.localdomain" or "ip6-localhost" or "ip6-loopback"
        || normalizedHost.EndsWith(".localhost", StringComparison.Ordinal);

    /// <summary>Why <paramref name="address"/> may not be cloned from, or null when it may.</summary>
    public static string? ProblemWith(IPAddress address, bool allowLoopback)
    {
        if (allowLoopback && AddressRanges.IsLoopback(address))
        {
            return null;
        }
        return AddressRanges.IsNonGlobal(address)
            ? $"The address {address} is not a public internet address (loopback, private, link-local or reserved)."
            : null;
    }
}
