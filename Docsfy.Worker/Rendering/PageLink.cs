using System.Text.RegularExpressions;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// Recognises links from one documentation page to another. The AI writes them as <c>intro.md</c>,
/// <c>intro.html</c>, <c>./intro</c> or <c>intro.md#setup</c>; the Markdown sources keep <c>.md</c> (they are read
/// by tools and LLMs next to each other) and the HTML pages link <c>intro.html</c>.
/// </summary>
public static partial class PageLink
{
    /// <summary>The slug and optional <c>#fragment</c> a page link points at, or false when it is not a page link.</summary>
    public static bool TryParse(string? url, out string slug, out string fragment)
    {
        var match = url is null ? Match.Empty : PageLinkPattern().Match(url);
        slug = match.Success ? match.Groups["slug"].Value.ToLowerInvariant() : "";
        fragment = match.Success ? match.Groups["fragment"].Value : "";
        return match.Success;
    }

    /// <summary>Where a page lives in the HTML site.</summary>
    public static string Html(string slug, string fragment = "") => $"{slug}.html{fragment}";

    /// <summary>Where a page's Markdown source lives.</summary>
    public static string Markdown(string slug, string fragment = "") => $"{slug}.md{fragment}";

    /// <summary>Whether the URL names a place outside the site (a scheme such as https: or mailto:, or //host).</summary>
    public static bool IsExternal(string url) => url.StartsWith("//", StringComparison.Ordinal) || SchemePattern().IsMatch(url);

    [GeneratedRegex(@"^(?:\./)?(?<slug>[a-z0-9-]+)(?:\.md|\.html)?(?<fragment>#.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageLinkPattern();

    [GeneratedRegex(@"^\s*[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
