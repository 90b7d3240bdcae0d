using Docsfy.Worker.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Docsfy.Worker.CrossLinking;

/// <summary>
/// Turns links and images that lead nowhere (unknown pages, repository files, unsafe schemes) into plain text. An image
/// that names an image file of the repository is kept: rendering copies it into the site, or shows its alt text.
/// </summary>
internal static class DeadLinks
{
    public static void Unlink(MarkdownDocument document, string markdown, SiteLinks links, SourceEdits edits)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            // A bare URL found by the auto-link extension has no syntax to remove: it is already plain text.
            if (link.IsAutoLink || links.IsLive(link.Url) || (link.IsImage && ImageReference.NamesImageFile(link.Url)))
                continue;

            if (link.FirstChild is null)
            {
                edits.Delete(link.Span.Start, link.Span.Length);
                continue;
            }

            // Keep the label (or alt text) as written: delete "[" or "![" before it and "](url)" after it. Deleting
            // only the brackets leaves room for edits inside the label, such as an image that is dead too.
            var labelStart = link.FirstChild.Span.Start;
            var labelEnd = link.LastChild!.Span.End;
            edits.Delete(link.Span.Start, labelStart - link.Span.Start);
            edits.Delete(labelEnd + 1, link.Span.End - labelEnd);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !links.IsLive(autolink.Url))
                edits.Replace(autolink.Span.Start, autolink.Span.Length, autolink.Url);
        }

        // A reference definition of a dead link renders nothing but would stay in the Markdown sources.
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (!links.IsLive(definition.Url))
                edits.Delete(definition.Span.Start, LineEnd(markdown, definition.Span.End) - definition.Span.Start);
        }
    }

    // The position after the line break that ends a definition, so no blank line is left behind.
    private static int LineEnd(string markdown, int end)
    {
        var next = markdown.IndexOf('\n', Math.Min(end + 1, markdown.Length));
        return next < 0 ? markdown.Length : next + 1;
    }
}
