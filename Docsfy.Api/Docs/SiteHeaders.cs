using Microsoft.Net.Http.Headers;

namespace Docsfy.Api.Docs;

/// <summary>
/// Headers of every <c>/docs</c> response. Generated pages contain AI output, which is untrusted: the policy allows only
/// the site's own scripts, styles and images (plus data: and https: images), no plugins, no framing, no form posts and
/// no base-URL tricks, and browsers may not guess a type other than the stored one.
/// </summary>
public static class SiteHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    /// <summary>Any cache must revalidate (the ETag makes that cheap); shared caches must not keep what a login protects.</summary>
    public const string CacheControl = "no-cache, private";

    public const string FallbackContentType = "application/octet-stream";

    public static void ApplySecurity(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
    }

    /// <summary>
    /// An SVG copied from a repository is shown by pages through <c>&lt;img&gt;</c>, which runs nothing; opened on its own
    /// it would be a document, so it also gets a sandbox: no script of it runs, whatever it holds.
    /// </summary>
    public const string SvgContentSecurityPolicy = ContentSecurityPolicy + "; sandbox";

    /// <summary>Adds what the file's own content type needs on top of <see cref="ApplySecurity"/>.</summary>
    public static void ApplyForContent(HttpResponse response, string contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.MediaType.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentSecurityPolicy = SvgContentSecurityPolicy;
        }
    }

    /// <summary>The stored content type when it is a well-formed media type, else a type no browser renders.</summary>
    public static string SafeContentType(string stored) =>
        MediaTypeHeaderValue.TryParse(stored, out var parsed) && parsed.SubTypeWithoutSuffix.HasValue
            ? parsed.ToString()
            : FallbackContentType;
}
