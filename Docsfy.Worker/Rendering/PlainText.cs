using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Docsfy.Worker.Rendering;

/// <summary>The readable words of a Markdown node, for headings, alt text and the search index.</summary>
internal static class PlainText
{
    public static string Of(MarkdownObject node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return Collapse(text.ToString());
    }

    /// <summary>Runs of whitespace become one space, so text from different lines and blocks reads as prose.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Append(MarkdownObject node, StringBuilder text)
    {
        switch (node)
        {
            case LiteralInline literal:
                text.Append(literal.Content);
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case CodeBlock code:
                // Code is searchable: people look for API names.
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                    text.Append(line.Slice.ToString()).Append(' ');
                break;
            case LeafBlock { Inline: { } inline }:
                Append(inline, text);
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Append(child, text);
                break;
            case ContainerBlock blocks:
                foreach (var child in blocks)
                    Append(child, text);
                break;
        }
    }
}
