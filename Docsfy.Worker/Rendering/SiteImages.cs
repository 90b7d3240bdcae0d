using System.Security.Cryptography;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// The repository images one site's pages show, copied into the site as <c>images/&lt;digest&gt;.&lt;ext&gt;</c> so a page
/// reference points at the copy. A file qualifies when it is inside the repository (read through
/// <see cref="IRepositoryFiles"/>: no symbolic links, no way out), its extension is an image format of
/// <see cref="ImageFormats"/> and its first bytes agree, and it fits the limits of <see cref="ImageOptions"/>. Copies are
/// named by content, so the same image referenced from many pages, or under two names, is stored once, and rendering
/// the same repository again gives the same files.
/// </summary>
/// <param name="pageFolders">Each page's source folder in the repository, by slug; pages not listed are at the root.</param>
public sealed class SiteImages(IRepositoryFiles repository, ImageOptions options,
    IReadOnlyDictionary<string, string>? pageFolders = null)
{
    public const string Folder = "images";

    private readonly Dictionary<string, (string? Copy, string? Problem)> _byRepositoryPath = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SiteFile> _files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _leftOut = new(StringComparer.Ordinal);
    private long _totalBytes;

    /// <summary>The copies, in path order.</summary>
    public IReadOnlyList<SiteFile> Files => [.. _files.Values];

    /// <summary>Repository images a page referenced that were not copied, each with the reason, in path order.</summary>
    public IReadOnlyCollection<string> LeftOut => _leftOut;

    /// <summary>
    /// The site path of the copy of the image <paramref name="url"/> names on page <paramref name="slug"/>, or null when
    /// it names no image the site may copy (the page then shows the alt text).
    /// </summary>
    public string? Resolve(string slug, string url)
    {
        var folder = pageFolders?.GetValueOrDefault(slug) ?? "";
        // A page from docs/guide.md means docs/img.png by "img.png"; an AI writing about the repository may mean the
        // path from the root. The page's own folder is tried first.
        string?[] candidates = [ImageReference.ToRepositoryPath(url, folder), folder.Length > 0 ? ImageReference.ToRepositoryPath(url, "") : null];
        string? firstProblem = null;
        foreach (var path in candidates.Where(path => path is not null).Distinct(StringComparer.Ordinal))
        {
            if (Copy(path!, out var problem) is { } copy)
            {
                return copy;
            }
            firstProblem ??= problem;
        }
        _leftOut.Add(firstProblem ?? $"{Shorten(url)}: not a path inside the repository");
        return null;
    }

    private string? Copy(string path, out string? problem)
    {
        if (!_byRepositoryPath.TryGetValue(path, out var known))
        {
            known = (TryCopy(path, out var refused), refused);
            _byRepositoryPath[path] = known;
        }
        problem = known.Problem;
        return known.Copy;
    }

    private string? TryCopy(string path, out string? problem)
    {
        problem = null;
        if (ImageFormats.ContentTypeOf(path) is not { } contentType)
        {
            problem = $"{path}: not a PNG, JPEG, GIF, WebP or SVG image";
            return null;
        }
        // Once the site holds its limit of images, nothing more is read: references cannot make the worker read file
        // after file only to drop them.
        if (_files.Count >= options.MaxImages)
        {
            problem = $"{path}: over the limit of {options.MaxImages} images per site";
            return null;
        }
        if (!repository.TryReadBytes(path, options.MaxImageBytes, out var bytes, out var readProblem))
        {
            problem = $"{path}: {TrimPath(readProblem, path)}";
            return null;
        }
        if (!ImageFormats.Matches(contentType, bytes))
        {
            problem = $"{path}: its content is not the image its name says";
            return null;
        }
        var name = $"{Folder}/{Convert.ToHexStringLower(SHA256.HashData(bytes))[..20]}{ImageFormats.ExtensionOf(contentType)}";
        if (_files.ContainsKey(name))
        {
            return name;
        }
        if (_totalBytes + bytes.Length > options.MaxTotalBytes)
        {
            problem = $"{path}: over the limit of {options.MaxTotalBytes:N0} bytes of images per site";
            return null;
        }
        _totalBytes += bytes.Length;
        _files[name] = new SiteFile(name, contentType, bytes);
        return name;
    }

    private static string Shorten(string url) => url.Length <= 100 ? url : url[..97] + "...";

    // The reader's message names the path in quotes; the report names it once, first.
    private static string TrimPath(string problem, string path) =>
        problem.Replace($"'{path}' ", "", StringComparison.Ordinal).TrimEnd('.');
}
