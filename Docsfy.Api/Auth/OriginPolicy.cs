namespace Docsfy.Api.Auth;

/// <summary>
/// Whether a browser page may use the session cookie: the API's own origin, or one in <c>Auth:AllowedOrigins</c>. A
/// request without an <c>Origin</c> header is not a browser page's (browsers send it on every socket and every write).
/// </summary>
public static class OriginPolicy
{
    public static bool IsAllowed(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        // An origin is a scheme, a host and a port, nothing more: anything else is not what a browser sends.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0
            || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }
        var sameOrigin = string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return sameOrigin || allowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
