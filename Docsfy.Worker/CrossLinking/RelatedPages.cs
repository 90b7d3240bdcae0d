using System.Text;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;
using Markdig;
using Markdig.Syntax;

namespace Docsfy.Worker.CrossLinking;

/// <summary>The "## Related pages" section at the end of a page.</summary>
internal static class RelatedPages
{
    public const int MaxLinks = 5;
    private const string Heading = "Related pages";

    public static string Append(string markdown, IReadOnlyList<PlanPage> pages)
    {
        var body = WithoutSection(markdown).TrimEnd();
        if (pages.Count == 0)
            return body.Length == 0 ? "" : body + "\n";

        var section = new StringBuilder(body);
        section.Append(body.Length == 0 ? "" : "\n\n").Append("## ").Append(Heading).Append("\n\n");
        foreach (var page in pages)
        {
            section.Append($"- [{MarkdownText.Escape(page.Title)}]({PageLink.Markdown(page.Slug)})");
            var description = MarkdownText.Escape(page.Description);
            section.Append(description.Length > 0 ? $" — {description}\n" : "\n");
        }
        return section.ToString();
    }

    /// <summary>
    /// Drops an earlier "Related pages" section (the last level-2 section, by that name), so running the stage again
    /// on a cached page replaces the list instead of adding a second one.
    /// </summary>
    public static string WithoutSection(string markdown) =>
        Section(markdown) is { } section ? markdown[..section.Span.Start] : markdown;

    /// <summary>The page links listed in the page's "Related pages" section, in order; empty when it has none.</summary>
    public static IReadOnlyList<string> LinkedFrom(string markdown)
    {
        if (Section(markdown) is not { } section)
            return [];
        var listed = Markdown.Parse(markdown[section.Span.Start..], MarkdownPipelines.Source);
        return [.. listed.Descendants<Markdig.Syntax.Inlines.LinkInline>().Where(link => !link.IsImage).Select(link => link.Url ?? "")];
    }

    private static HeadingBlock? Section(string markdown)
    {
        var document = Markdown.Parse(markdown, MarkdownPipelines.Source);
        var lastSection = document.Descendants<HeadingBlock>().LastOrDefault(heading => heading.Level <= 2);
        return lastSection is { Level: 2 } && string.Equals(PlainText.Of(lastSection), Heading, StringComparison.OrdinalIgnoreCase)
            ? lastSection
            : null;
    }
}
