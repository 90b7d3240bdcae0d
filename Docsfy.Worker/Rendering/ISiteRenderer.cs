using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Rendering;

/// <summary>Turns a plan and its pages' Markdown into the static site's files.</summary>
public interface ISiteRenderer
{
    /// <param name="images">
    /// The repository's images the pages may show; the copies the pages reference are among the files returned. Null
    /// leaves image URLs as the pages wrote them.
    /// </param>
    IReadOnlyList<SiteFile> Render(DocumentationPlan plan, IReadOnlyDictionary<string, string> markdownBySlug,
        SiteImages? images = null);
}

/// <param name="Path">Relative, forward slashes, e.g. <c>index.html</c>, <c>getting-started.html</c>, <c>search-index.json</c>.</param>
public sealed record SiteFile(string Path, string ContentType, byte[] Content);
