namespace Docsfy.Api.Auth;

/// <summary>
/// Endpoint metadata: this endpoint proves its caller by other means (a push webhook's signature or secret), so the API's
/// own authentication does not read its <c>Authorization</c> header or cookie. Without it, a generic delivery's
/// <c>Authorization: Bearer &lt;webhook secret&gt;</c> would be tried as an API key, fail, and count against the sender's
/// address, so ordinary deliveries would lock every user behind that address out of signing in.
/// </summary>
public sealed class NotApiAuthenticated
{
    public static NotApiAuthenticated Instance { get; } = new();

    private NotApiAuthenticated()
    {
    }
}
