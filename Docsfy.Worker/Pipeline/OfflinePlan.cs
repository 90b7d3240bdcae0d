using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>An offline run's plan, where each page comes from, and what the limits left out.</summary>
/// <param name="Sources">Where each page beyond the overview and source tree comes from: a file, or a folder ending in '/'.</param>
/// <param name="Coverage">How much of the repository's guides and folders got a page.</param>
public sealed record OfflinePlan(DocumentationPlan Plan, IReadOnlyDictionary<string, string> Sources, OfflineCoverage Coverage)
{
    /// <summary>
    /// The folder each page's Markdown comes from, by slug (a guide's file's folder, a folder page's folder), so the
    /// images it references relative to itself are found. The overview is the root README's, at the root.
    /// </summary>
    public IReadOnlyDictionary<string, string> PageFolders() => Sources.ToDictionary(
        source => source.Key,
        source => source.Value.EndsWith('/') ? source.Value.TrimEnd('/')
            : source.Value.Contains('/') ? source.Value[..source.Value.LastIndexOf('/')] : "",
        StringComparer.Ordinal);
}
