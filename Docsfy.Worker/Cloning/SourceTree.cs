using System.Text;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// A short picture of a repository for prompts and the offline provider's overview: the top-level folders with how
/// many files each holds, and the shallowest file paths first (a README says more than a deeply nested test fixture).
/// </summary>
public sealed record SourceTree(IReadOnlyList<SourceFolder> Folders, IReadOnlyList<string> SamplePaths, int FileCount, bool Truncated)
{
    /// <summary>The name under which files at the top of the repository are counted.</summary>
    public const string TopLevel = ".";

    public static SourceTree From(CheckoutListing listing, int maxPaths = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPaths);
        var folders = listing.Files
            .GroupBy(file => file.Path.Contains('/') ? file.Path[..file.Path.IndexOf('/')] : TopLevel, StringComparer.Ordinal)
            .Select(group => new SourceFolder(group.Key, group.Count()))
            .OrderBy(folder => folder.Name == TopLevel ? 0 : 1)
            .ThenBy(folder => folder.Name, NaturalComparer.Instance)
            .ToList();
        var sample = listing.Files
            .Select(file => file.Path)
            .OrderBy(path => path.Count(c => c == '/'))
            .ThenBy(path => path, NaturalComparer.Instance)
            .Take(maxPaths)
            .ToList();
        return new SourceTree(folders, sample, listing.Files.Count, listing.Truncated || sample.Count < listing.Files.Count);
    }

    /// <summary>Plain text for a prompt: one folder per line, then the sample paths.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine($"{FileCount} files{(Truncated ? " (list truncated)" : "")}.");
        text.AppendLine("Top-level folders:");
        foreach (var folder in Folders)
        {
            text.AppendLine($"  {(folder.Name == TopLevel ? "(top level)" : folder.Name + "/")}: {folder.FileCount} files");
        }
        text.AppendLine("Files:");
        foreach (var path in SamplePaths)
        {
            text.AppendLine($"  {path}");
        }
        return text.ToString();
    }
}
