using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Docsfy.Api.Auth;

/// <summary>Marks endpoints whose unauthenticated browser requests go to the login page instead of getting a 401.</summary>
public sealed class LoginRedirectMetadata;

/// <summary>
/// A person who opens a documentation link without a session should land on the login page and come back afterwards;
/// a script should get the API's 401. Only a request that accepts HTML and sent no Authorization header (a client that
/// sent a key said it is not a browser) is redirected.
/// </summary>
public static class LoginRedirect
{
    public const string LoginPath = "/login";

    /// <summary>Stands for this site's origin: only whether resolving changes the origin matters.</summary>
    private static readonly Uri SameSite = new("http://docsfy.invalid/");

    public static TBuilder RedirectsToLogin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new LoginRedirectMetadata());

    public static bool Applies(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<LoginRedirectMetadata>() is not null
        && context.Request.Headers.Authorization.Count == 0
        && AcceptsHtml(context.Request.Headers.Accept);

    /// <summary>True when <c>Accept</c> lists <c>text/html</c> (or XHTML) with a non-zero quality, as browser navigations do.</summary>
    public static bool AcceptsHtml(StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out var types)
        && types.Any(t => (t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                           || t.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                          && t.Quality is not 0);

    /// <summary><c>/login?next=&lt;the original path and query, URL-encoded&gt;</c>, when that is a path of this site.</summary>
    public static string Location(HttpRequest request) =>
        $"{LoginPath}?next={Uri.EscapeDataString(SafeNext(request.GetEncodedPathAndQuery()))}";

    /// <summary>
    /// Where the login page may send the browser afterwards: <paramref name="next"/> when a browser would read it as a
    /// path of this site, else <c>/</c>. The same rule as the login page's (<c>wwwroot/assets/js/next.js</c>), which
    /// resolves it with the browser's URL parser; this one does what that parser does first, because .NET's does not:
    /// tabs and newlines anywhere are removed (<c>/%09/evil.example</c> is <c>//evil.example</c>), a backslash is a slash,
    /// and a path that then starts with <c>//</c>, or does once its dot segments are removed (<c>/..//evil.example</c>),
    /// names another host.
    /// </summary>
    public static string SafeNext(string? next)
    {
        if (string.IsNullOrEmpty(next))
        {
            return "/";
        }
        var parsed = next.Replace("\t", "").Replace("\n", "").Replace("\r", "").Replace('\\', '/');
        if (!parsed.StartsWith('/') || parsed.StartsWith("//", StringComparison.Ordinal) || parsed.Any(char.IsControl))
        {
            return "/";
        }
        // Dot segments ("%2e" is a dot to a browser) may leave a path that starts with "//", which a browser navigating to
        // it reads as another host.
        var dotted = parsed.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(SameSite, dotted, out var resolved) && resolved.Authority == SameSite.Authority
               && !resolved.AbsolutePath.StartsWith("//", StringComparison.Ordinal)
            ? parsed
            : "/";
    }

    /// <summary>
    /// A request for the login page whose <c>next</c> is not a path of this site, answered by the server itself: the
    /// login page again with <c>next</c> made safe, so even a page with an older script cannot be sent elsewhere.
    /// </summary>
    public static string? UnsafeNextRedirect(HttpRequest request)
    {
        var next = request.Query["next"];
        if (next.Count == 0 || (next.Count == 1 && SafeNext(next.ToString()) == next.ToString()))
        {
            return null;
        }
        var safe = $"next={Uri.EscapeDataString(next.Count == 1 ? SafeNext(next.ToString()) : "/")}";
        var reason = request.Query["reason"];
        return reason.Count == 1 ? $"{LoginPath}?reason={Uri.EscapeDataString(reason.ToString())}&{safe}" : $"{LoginPath}?{safe}";
    }
}
