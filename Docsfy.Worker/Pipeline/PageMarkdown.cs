using System.Text.RegularExpressions;
using Docsfy.Worker.Ai;

namespace Docsfy.Worker.Pipeline;

/// <summary>Cleans an AI's answer into a page's Markdown: no reasoning blocks, no wrapping fence, a bounded size, a title.</summary>
public static partial class PageMarkdown
{
    public const int MaxChars = 200_000;

    public static string Clean(string answer, string title)
    {
        var text = AiJson.StripThinking(answer).Trim();
        var fenced = WrappingFence().Match(text);
        if (fenced.Success)
        {
            text = fenced.Groups["body"].Value.Trim();
        }
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }
        return text.StartsWith("# ", StringComparison.Ordinal) ? text + "\n" : $"# {title}\n\n{text}\n";
    }

    /// <summary>
    /// True when an edited page is still a page: it starts with its title heading and is within the size bound (edits
    /// are the AI's text too, and are held to what <see cref="Clean"/> guarantees for whole pages).
    /// </summary>
    public static bool IsWholePage(string markdown) =>
        markdown.StartsWith("# ", StringComparison.Ordinal) && markdown.Length <= MaxChars;

    /// <summary>True when the answer is a Markdown page (a heading first, possibly fenced), not prose or JSON.</summary>
    public static bool LooksLikePage(string answer)
    {
        var text = AiJson.StripThinking(answer).Trim();
        // A fence is no page by itself: a refusal in a code block is still prose.
        var fenced = WrappingFence().Match(text);
        return (fenced.Success ? fenced.Groups["body"].Value.TrimStart() : text).StartsWith("# ", StringComparison.Ordinal);
    }

    /// <summary>A visible stand-in for a page whose AI call failed. It is never cached, so the next run tries again.</summary>
    public static string Placeholder(string title, string reason) =>
        $"# {title}\n\n> This page could not be generated ({reason}). Generate the documentation again to retry.\n";

    [GeneratedRegex(@"\A```(?:markdown|md)?[ \t]*\r?\n(?<body>.*)\r?\n```\s*\z", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex WrappingFence();
}
