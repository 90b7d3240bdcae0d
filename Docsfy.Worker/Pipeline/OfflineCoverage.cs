namespace Docsfy.Worker.Pipeline;

/// <summary>Guides and folders that got a page, of all there are: a site says what it left out.</summary>
public sealed record OfflineCoverage(int GuidesShown, int Guides, int FoldersShown, int Folders)
{
    /// <summary>What was left out, one phrase per limit reached; empty when nothing was.</summary>
    public IReadOnlyList<string> LeftOut()
    {
        var left = new List<string>();
        if (GuidesShown < Guides)
        {
            left.Add($"{GuidesShown} of {Guides} guides shown (the first in name order)");
        }
        if (FoldersShown < Folders)
        {
            left.Add($"{FoldersShown} of {Folders} top-level folders have a page (the first in name order)");
        }
        return left;
    }

    /// <summary>A paragraph for the source-tree page when something was left out; empty otherwise.</summary>
    public string Describe() => LeftOut() is { Count: > 0 } left ? $"This site leaves things out: {string.Join("; ", left)}.\n\n" : "";
}
