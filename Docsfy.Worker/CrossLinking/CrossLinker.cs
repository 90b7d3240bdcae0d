using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;
using Markdig;

namespace Docsfy.Worker.CrossLinking;

/// <summary>
/// The deterministic part of the cross_linking stage (docs/design/pipeline.md §6): links that lead nowhere become plain
/// text, "See &lt;Title&gt;" mentions link to that page, and the AI's choice of related pages is validated and appended.
/// Page links are written as <c>slug.md</c>; the HTML renderer points them at <c>slug.html</c>.
/// </summary>
public sealed class CrossLinker
{
    private readonly DocumentationPlan _plan;
    private readonly SiteLinks _links;

    public CrossLinker(DocumentationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _links = new SiteLinks(plan);
    }

    /// <summary>Fixes the links of the page <paramref name="slug"/>. Running it again changes nothing.</summary>
    public string Link(string slug, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);

        var document = Markdown.Parse(markdown, MarkdownPipelines.Source);
        var edits = new SourceEdits();
        DeadLinks.Unlink(document, markdown, _links, edits);
        new SeeMentions(_plan.Pages.Where(page => page.Slug != slug)).Link(document, markdown, edits);
        return edits.ApplyTo(markdown);
    }

    /// <summary>
    /// Ends the page with a "## Related pages" list of at most five links, in the order given. Unknown slugs, the
    /// page itself and repeats are dropped; <c>intro.md</c> or <c>intro.html</c> are read as <c>intro</c>. An earlier
    /// Related pages section is replaced; with no valid slug the page simply has none.
    /// </summary>
    public string AppendRelatedPages(string slug, string markdown, IEnumerable<string> relatedSlugs)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(relatedSlugs);

        var related = new List<PlanPage>();
        foreach (var candidate in relatedSlugs)
        {
            if (related.Count == RelatedPages.MaxLinks)
                break;
            if (_links.TryGetPage(candidate, out var page) && page.Slug != slug && !related.Contains(page))
                related.Add(page);
        }
        return RelatedPages.Append(markdown, related);
    }

    /// <summary>The page without its "Related pages" section, for an AI to edit: the section is the linker's, not the AI's.</summary>
    public static string WithoutRelatedPages(string markdown) => RelatedPages.WithoutSection(markdown);

    /// <summary>The links of the page's "Related pages" section, to keep the same list when the page is rewritten.</summary>
    public static IReadOnlyList<string> RelatedPagesOf(string markdown) => RelatedPages.LinkedFrom(markdown);
}
