namespace Docsfy.Api.Http;

/// <summary>The client's address as the throttles and the audit trail see it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address, which the forwarded-headers middleware has already replaced with the client's
    /// when the connection came from a trusted proxy (<see cref="TrustedProxyOptions"/>).
    /// </summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
