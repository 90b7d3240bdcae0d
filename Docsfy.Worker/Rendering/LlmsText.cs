using System.Text;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// <c>llms.txt</c> (the llmstxt.org format: <c># name</c>, <c>&gt; tagline</c>, one section per group of
/// <c>- [Title](slug.md): description</c>) and <c>llms-full.txt</c> (every page's Markdown, in plan order).
/// </summary>
internal static class LlmsText
{
    public static string Index(Site site)
    {
        var text = new StringBuilder();
        Header(text, site);

        foreach (var (name, pages) in site.Groups)
        {
            text.Append($"## {OneLine(name)}\n\n");
            foreach (var page in pages)
            {
                text.Append($"- [{LinkText(page.Page.Title)}]({page.MarkdownPath})");
                var description = OneLine(page.Page.Description);
                text.Append(description.Length > 0 ? $": {description}\n" : "\n");
            }
            text.Append('\n');
        }

        // "Optional" is the llmstxt.org section a reader may skip when context is short.
        text.Append("## Optional\n\n- [Full documentation](llms-full.txt): every page above in one file\n");
        return text.ToString();
    }

    public static string Full(Site site)
    {
        var text = new StringBuilder();
        Header(text, site);

        foreach (var page in site.Pages)
        {
            text.Append($"---\n\nSource: {page.MarkdownPath}\n\n");
            if (page.Body.Title is null)
                text.Append($"# {OneLine(page.Page.Title)}\n\n");
            text.Append(page.Markdown.ReplaceLineEndings("\n").Trim('\n')).Append("\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Header(StringBuilder text, Site site)
    {
        text.Append($"# {OneLine(site.Plan.ProjectName)}\n\n");
        if (OneLine(site.Plan.Tagline) is { Length: > 0 } tagline)
            text.Append($"> {tagline}\n\n");
    }

    // A title or description with a line break would end the list item or heading early.
    private static string OneLine(string? text) => PlainText.Collapse(text ?? "");

    private static string LinkText(string title) =>
        OneLine(title).Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");
}
