using System.Text;
using Docsfy.Worker.Rendering;

namespace Docsfy.Worker.CrossLinking;

/// <summary>Plan strings (titles, descriptions) written into Markdown as literal text.</summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>!#|~&";

    /// <summary>One line, with every character Markdown could read as syntax backslash-escaped.</summary>
    public static string Escape(string? text)
    {
        var line = PlainText.Collapse(text ?? "");
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (Special.Contains(c))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
