namespace Docsfy.Api.Docs;

/// <summary>
/// Names inside and of a downloaded site archive. Branch, provider and model names are stored as users and providers
/// wrote them (a model may be <c>llama3.1:8b</c>), so each is reduced to characters that are safe in a folder name on
/// every system and inside a quoted <c>Content-Disposition</c> filename.
/// </summary>
public static class ArchiveNames
{
    public const int MaxSegmentLength = 60;

    /// <summary>The archive's top folder: <c>{name}-{branch}-{provider}-{model}</c>.</summary>
    public static string Folder(string name, string branch, string provider, string model) =>
        string.Join('-', new[] { name, branch, provider, model }.Select(Segment));

    public static string FileName(string name, string branch, string provider, string model) =>
        Folder(name, branch, provider, model) + ".tar.gz";

    /// <summary>
    /// Letters, digits, <c>.</c>, <c>_</c> and <c>-</c> are kept, anything else becomes <c>_</c>; no leading dot (no hidden
    /// folder, no <c>..</c>); never empty; at most <see cref="MaxSegmentLength"/> characters.
    /// </summary>
    public static string Segment(string value)
    {
        var chars = value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray();
        var safe = new string(chars).TrimStart('.');
        if (safe.Length > MaxSegmentLength)
        {
            safe = safe[..MaxSegmentLength];
        }
        return safe.Length == 0 ? "_" : safe;
    }

    /// <summary>The name of a site file inside the archive, or null when its stored path is not safe to extract.</summary>
    public static string? Entry(string folder, string sitePath) => SitePaths.IsSafe(sitePath) ? $"{folder}/{sitePath}" : null;
}
