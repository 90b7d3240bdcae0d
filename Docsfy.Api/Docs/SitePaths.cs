namespace Docsfy.Api.Docs;

/// <summary>
/// The one rule for paths inside a generated site, used both to serve a file and to name it in a download. Site files
/// are database rows, not files on disk, but a path is still refused unless it is a plain relative path: no <c>.</c> or
/// <c>..</c> segment, no dot-files, no backslash, no NUL or other control character, nothing absolute, and no <c>%</c>
/// (the framework has already decoded the URL once, so a remaining <c>%</c> is double encoding or an encoded slash).
/// </summary>
public static class SitePaths
{
    public const string IndexFile = "index.html";
    public const int MaxLength = 512;
    public const int MaxDepth = 16;

    /// <summary>
    /// The stored path a request path names: empty or ending in <c>/</c> means that folder's <c>index.html</c>.
    /// Null when the path is not acceptable.
    /// </summary>
    public static string? Normalize(string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return IndexFile;
        }
        var path = requested.EndsWith('/') ? requested + IndexFile : requested;
        return IsSafe(path) ? path : null;
    }

    /// <summary>True for <c>a/b/c.ext</c>-style paths whose every segment is a plain file or folder name.</summary>
    public static bool IsSafe(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxLength)
        {
            return false;
        }
        var segments = path.Split('/');
        return segments.Length <= MaxDepth && segments.All(IsSafeSegment);
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0 && segment[0] != '.' && segment.All(IsAllowed);

    // Letters, digits and a few punctuation marks that mean nothing to a file system or a URL parser.
    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '~' or '+' or '@';
}
