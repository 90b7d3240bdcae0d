using System.Diagnostics.CodeAnalysis;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Rendering;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// What the stages may know of a checkout: its regular files (links skipped, the list bounded), text read only through
/// the checkout's safe reader, and a short overview for prompts.
/// </summary>
public sealed class RepositorySnapshot : IRepositoryFiles
{
    private readonly CheckoutFiles _files;

    private RepositorySnapshot(CheckoutFiles files, CheckoutListing listing)
    {
        _files = files;
        Files = [.. listing.Files.Select(f => f.Path)];
        FilesTruncated = listing.Truncated;
        Overview = SourceTree.From(listing).ToText();
    }

    public static RepositorySnapshot Read(Checkout checkout)
    {
        var files = new CheckoutFiles(checkout);
        return new RepositorySnapshot(files, files.List());
    }

    /// <summary>Relative paths with '/' separators, shallow and sorted as the checkout lists them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>True when the repository has more files than the listing's limit, so <see cref="Files"/> is not all of them.</summary>
    public bool FilesTruncated { get; }

    /// <summary>The top-level folders with file counts, then a sample of paths.</summary>
    public string Overview { get; }

    /// <summary>The file's text, or null when it is missing, binary, too large or not safely readable.</summary>
    public string? ReadText(string relativePath) => _files.TryReadText(relativePath, out var text, out _) ? text : null;

    public bool TryReadBytes(string relativePath, long maxBytes, [NotNullWhen(true)] out byte[]? bytes,
        [NotNullWhen(false)] out string? problem) => _files.TryReadBytes(relativePath, maxBytes, out bytes, out problem);
}
