using System.Globalization;
using System.Net;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// Decides whether a link or image URL written by the AI may reach a browser. Allowed: http, https, mailto, and
/// scheme-less URLs (relative paths, <c>#anchors</c>, <c>//host</c>). Everything else (javascript:, data:, vbscript:,
/// file:, …) is refused.
/// </summary>
public static class SafeUrl
{
    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return true;

        // Markdig has already decoded one level of entities; decode further levels too, because a URL that looks
        // harmless to us but becomes javascript: after one more decode is not worth the argument.
        var candidate = url;
        for (var round = 0; round < 4; round++)
        {
            if (HasForbiddenScheme(candidate))
                return false;
            var decoded = WebUtility.HtmlDecode(candidate);
            if (decoded == candidate)
                return true;
            candidate = decoded;
        }

        return false; // Still changing after several decodes: nobody writes a legitimate URL like that.
    }

    private static bool HasForbiddenScheme(string url)
    {
        // Browsers drop tabs and newlines anywhere in a URL and control characters and spaces around it, so
        // "java\tscript:" is javascript:. We strip more than browsers do (all whitespace, controls and invisible
        // format characters) so that no spelling of a scheme slips past.
        var compact = string.Concat(url.Where(c => !IsInvisible(c)));
        var colon = compact.IndexOf(':');
        if (colon <= 0)
            return false;

        var scheme = compact[..colon];
        if (!IsSchemeSyntax(scheme))
            return false; // e.g. "docs/a:b" or "?q=a:b": the colon is inside a relative path, query or fragment.

        return !AllowedSchemes.Contains(scheme);
    }

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
    private static bool IsSchemeSyntax(string scheme) =>
        char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
