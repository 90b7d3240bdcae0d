using System.Text.RegularExpressions;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Docsfy.Worker.CrossLinking;

/// <summary>
/// Links "See &lt;Title&gt;" in running text to the page with that title (case-insensitive, whole title). Code,
/// existing links and headings are left alone.
/// </summary>
internal sealed class SeeMentions
{
    private readonly Regex? _pattern;
    private readonly Dictionary<string, PlanPage> _pagesByTitle;

    public SeeMentions(IEnumerable<PlanPage> otherPages)
    {
        // Two pages with the same title: a mention could mean either, so neither is linked.
        _pagesByTitle = otherPages
            .Where(page => PlainText.Collapse(page.Title).Length > 0)
            .GroupBy(page => PlainText.Collapse(page.Title), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() == 1)
            .ToDictionary(group => group.Key, group => group.Single(), StringComparer.OrdinalIgnoreCase);

        if (_pagesByTitle.Count == 0)
            return;

        // Longest first, so "See Configuration reference" links that page rather than "Configuration".
        var titles = _pagesByTitle.Keys
            .OrderByDescending(title => title.Length)
            .ThenBy(title => title, StringComparer.Ordinal)
            .Select(title => string.Join(@"\s+", title.Split(' ').Select(Regex.Escape)));
        _pattern = new Regex(
            $@"(?<![\p{{L}}\p{{N}}_])see[ \t]+(?<title>{string.Join('|', titles)})(?![\p{{L}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public void Link(MarkdownDocument document, string markdown, SourceEdits edits)
    {
        if (_pattern is null)
            return;

        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock || block.Inline is null)
                continue;
            foreach (var (start, text) in TextRuns(block.Inline, markdown))
                LinkMentions(start, text, edits);
        }
    }

    private void LinkMentions(int start, string text, SourceEdits edits)
    {
        foreach (Match match in _pattern!.Matches(text))
        {
            var title = match.Groups["title"];
            // An unbalanced bracket inside the new link's label would end it early.
            if (title.Value.AsSpan().IndexOfAny('[', ']') >= 0)
                continue;

            var page = _pagesByTitle[PlainText.Collapse(title.Value)];
            edits.Insert(start + title.Index, "[");
            edits.Insert(start + title.Index + title.Length, $"]({PageLink.Markdown(page.Slug)})");
        }
    }

    /// <summary>
    /// Stretches of plain text as they appear in the source, with their position. Markdig splits text into several
    /// literals (at punctuation it tried as syntax), so adjacent literals are joined; a literal whose content differs
    /// from its source (escapes, entities) ends a stretch, because positions in it would not map back.
    /// </summary>
    private static IEnumerable<(int Start, string Text)> TextRuns(ContainerInline container, string markdown)
    {
        var start = -1;
        var end = -1;
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LiteralInline literal && TryLocate(literal, markdown, out var literalStart, out var literalEnd))
            {
                if (start >= 0 && literalStart == end + 1)
                {
                    end = literalEnd;
                    continue;
                }
                if (start >= 0)
                    yield return (start, markdown[start..(end + 1)]);
                (start, end) = (literalStart, literalEnd);
                continue;
            }

            if (start >= 0)
                yield return (start, markdown[start..(end + 1)]);
            start = -1;

            // Emphasis and the like hold text worth linking; links and code do not.
            if (inline is ContainerInline nested and not LinkInline)
            {
                foreach (var run in TextRuns(nested, markdown))
                    yield return run;
            }
        }

        if (start >= 0)
            yield return (start, markdown[start..(end + 1)]);
    }

    /// <summary>
    /// Where the literal's text sits in the source, when it is there verbatim. Table cells report a span that includes
    /// the padding around the trimmed text, so surrounding whitespace is allowed.
    /// </summary>
    private static bool TryLocate(LiteralInline literal, string markdown, out int start, out int end)
    {
        (start, end) = (-1, -1);
        var span = literal.Span;
        if (span.Start < 0 || span.End >= markdown.Length || literal.Content.Length == 0)
            return false;

        var source = markdown.AsSpan(span.Start, span.Length);
        var content = literal.Content.AsSpan();
        var offset = source.IndexOf(content);
        if (offset < 0 || !source[..offset].IsWhiteSpace() || !source[(offset + content.Length)..].IsWhiteSpace())
            return false;

        start = span.Start + offset;
        end = start + content.Length - 1;
        return true;
    }
}
