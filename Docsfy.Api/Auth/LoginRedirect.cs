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

    /// <summary><c>/login?next=&lt;the original path and query, URL-encoded&gt;</c>; always a local path, so never an open redirect.</summary>
    public static string Location(HttpRequest request) =>
        $"{LoginPath}?next={Uri.EscapeDataString(request.GetEncodedPathAndQuery())}";
}
