using System.Diagnostics.CodeAnalysis;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// Which repository file an image URL of a page names. Only relative references qualify: <c>img/a.png</c> and
/// <c>../img/a.png</c> relative to the folder of the page's source (the repository root for pages an AI wrote), and
/// <c>/img/a.png</c> from the repository root. URLs with a scheme or a host (<c>https:</c>, <c>//host</c>) are not
/// repository files, and a reference that climbs out of the repository with <c>..</c> names nothing.
/// </summary>
public static class ImageReference
{
    private const int MaxLength = 1024;

    /// <summary>True when the URL is a path (no scheme, no host, not only a fragment): a file the repository may hold.</summary>
    public static bool IsRelative([NotNullWhen(true)] string? url) =>
        !string.IsNullOrWhiteSpace(url) && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith('#')
        && !HasScheme(url);

    /// <summary>
    /// True when the URL is a relative path to a file named as an image format a site copies. Whether that file is
    /// inside the repository, exists and fits is rendering's to find out, with the page's folder known.
    /// </summary>
    public static bool NamesImageFile([NotNullWhen(true)] string? url) =>
        IsRelative(url) && SafeUrl.IsAllowed(url) && ImageFormats.ContentTypeOf(PathPart(url)) is not null;

    /// <param name="url">The image URL as the page has it.</param>
    /// <param name="pageFolder">The repository folder of the page's source ('/' separators, empty for the root).</param>
    /// <returns>The repository path ('/' separators, no '.' or '..' segments), or null when the URL names none.</returns>
    public static string? ToRepositoryPath(string url, string pageFolder)
    {
        if (!IsRelative(url) || url.Length > MaxLength)
        {
            return null;
        }
        var path = PathPart(url);
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }
        if (decoded.Length == 0 || decoded.Contains('\\') || decoded.Any(char.IsControl))
        {
            return null;
        }

        var segments = new List<string>();
        var fromRoot = decoded.StartsWith('/');
        if (!fromRoot && pageFolder.Length > 0)
        {
            segments.AddRange(pageFolder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }
        foreach (var segment in decoded.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null; // Out of the repository.
                    }
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                default:
                    segments.Add(segment);
                    continue;
            }
        }
        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    /// <summary>The URL without its query or fragment (<c>?raw=true</c>, <c>#dark</c>), which do not change the file meant.</summary>
    private static string PathPart(string url) => url.IndexOfAny(['?', '#']) is var end and >= 0 ? url[..end] : url;

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
