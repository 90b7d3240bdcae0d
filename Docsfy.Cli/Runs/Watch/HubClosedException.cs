using System.Net.WebSockets;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>The hub closed the socket (or it broke); <see cref="Status"/> says why when the server said.</summary>
public sealed class HubClosedException(WebSocketCloseStatus? status, string reason) : Exception(reason)
{
    public WebSocketCloseStatus? Status { get; } = status;

    /// <summary>1008: the key was refused (or the address throttled); reconnecting would not help.</summary>
    public bool IsAuthenticationFailure => Status == WebSocketCloseStatus.PolicyViolation;
}
