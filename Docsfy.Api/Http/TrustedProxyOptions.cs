using System.Net;

namespace Docsfy.Api.Http;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the API believes (section <c>ForwardedHeaders</c>).
/// Every per-address rule (the login and key throttles, the audit trail) depends on the client's real address, and
/// behind a proxy the connection's address is the proxy's: without this, one client's failures would count against
/// everyone. Only listed proxies are believed, because any client can send the header itself.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// Addresses (<c>10.0.0.7</c>) or networks in CIDR notation (<c>10.0.0.0/8</c>) of trusted proxies. Empty by default:
    /// the connection's own address is the client's. The app host sets its own proxy (loopback) in run mode and the
    /// deployment's ingress network in publish mode. An entry may hold several, separated by commas: a deployment passes
    /// its list as one parameter value.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The networks of <see cref="TrustedProxies"/>; a single address is a network of one.</summary>
    public IReadOnlyList<IPNetwork> Networks() => [.. Entries().Select(Parse)];

    /// <summary>Null when every entry is an address or a CIDR network, else what is wrong.</summary>
    public string? Problem() =>
        Entries().FirstOrDefault(entry => !TryParse(entry, out _)) is { } bad
            ? $"ForwardedHeaders:TrustedProxies: '{bad}' is neither an IP address nor a CIDR network."
            : null;

    private IEnumerable<string> Entries() =>
        TrustedProxies.SelectMany(entry => entry.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static IPNetwork Parse(string entry) =>
        TryParse(entry, out var network) ? network : throw new FormatException($"Not an IP address or CIDR network: '{entry}'.");

    private static bool TryParse(string entry, out IPNetwork network)
    {
        var text = entry.Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/'))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }
}
