using Docsfy.Worker.Cloning;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// What the stages may know of a checkout: its regular files (links skipped, the list bounded), text read only through
/// the checkout's safe reader, and a short overview for prompts.
/// </summary>
public sealed class RepositorySnapshot
{
    private readonly CheckoutFiles _files;

    private RepositorySnapshot(CheckoutFiles files, CheckoutListing listing)
    {
        _files = files;
        Files = [.. listing.Files.Select(f => f.Path)];
        Overview = SourceTree.From(listing).ToText();
    }

    public static RepositorySnapshot Read(Checkout checkout)
    {
        var files = new CheckoutFiles(checkout);
        return new RepositorySnapshot(files, files.List());
    }

    /// <summary>Relative paths with '/' separators, shallow and sorted as the checkout lists them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The top-level folders with file counts, then a sample of paths.</summary>
    public string Overview { get; }

    /// <summary>The file's text, or null when it is missing, binary, too large or not safely readable.</summary>
    public string? ReadText(string relativePath) => _files.TryReadText(relativePath, out var text, out _) ? text : null;
}
