namespace Docsfy.Api.Dashboard;

/// <summary>
/// Headers of the dashboard's pages and assets. The dashboard shows text that users and the AI wrote (project names,
/// error messages, plans), so the policy allows only its own scripts and styles, and sockets and requests only to this
/// origin: an injected script would not run, and could not send anything anywhere else if it did.
/// </summary>
public static class DashboardHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.XFrameOptions = "DENY";
        // Always revalidate (static files carry ETags), so a new version of the dashboard is picked up at once.
        response.Headers.CacheControl = "no-cache";
    }
}
