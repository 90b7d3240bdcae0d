using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// Renders one page's untrusted Markdown to HTML: raw HTML is text, unsafe link and image URLs are removed (the link
/// text stays, an image becomes its alt text), links to other pages of the site point at their HTML files, and images
/// of the repository point at the site's copies.
/// </summary>
/// <param name="pageSlugs">The site's pages; a link to one of them (<c>intro.md</c>, <c>intro</c>) becomes <c>intro.html</c>.</param>
public sealed class MarkdownRenderer(IReadOnlySet<string> pageSlugs)
{
    public MarkdownRenderer() : this(new HashSet<string>())
    {
    }

    /// <param name="image">
    /// Where the site keeps its copy of the repository image a relative image URL names, or null when it has none (the
    /// image then becomes its alt text). Without it, relative image URLs are left as they are.
    /// </param>
    public RenderedMarkdown Render(string markdown, Func<string, string?>? image = null)
    {
        var document = Markdown.Parse(markdown, MarkdownPipelines.Html);
        SanitizeLinks(document, image);

        return new RenderedMarkdown(
            ToHtml(document),
            TableOfContents(document),
            document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { } title ? PlainText.Of(title) : null,
            PlainText.Of(document));
    }

    private void SanitizeLinks(MarkdownDocument document, Func<string, string?>? image)
    {
        // Materialised first: the loop edits the tree it walks.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            // Heading references ([Install] linking to the "Install" heading) compute their URL late; settle it now
            // so what we check is exactly what gets written.
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            link.GetDynamicUrl = null;

            if (!SafeUrl.IsAllowed(url))
                Unlink(link);
            else if (link.IsImage && image is not null && ImageReference.IsRelative(url))
            {
                if (image(url) is { } copy)
                    link.Url = copy;
                else
                    Unlink(link);
            }
            else if (!link.IsImage && PageLink.TryParse(url, out var slug, out var fragment) && pageSlugs.Contains(slug))
                link.Url = PageLink.Html(slug, fragment);
            else
                link.Url = url;
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !SafeUrl.IsAllowed(autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static void Unlink(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText.Of(link)));
            return;
        }

        // Keep the link's text (and its emphasis or code) in place of the link.
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }

    private static IReadOnlyList<TocHeading> TableOfContents(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(heading => heading.Level is 2 or 3)
            .Select(heading => new TocHeading(heading.Level, heading.GetAttributes().Id ?? "", PlainText.Of(heading)))
            .Where(heading => heading.Id.Length > 0 && heading.Text.Length > 0)
            .ToList();

    private static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        MarkdownPipelines.Html.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
