using System.Globalization;
using System.Text;

namespace Docsfy.Worker.Plans;

/// <summary>
/// Cleans a title or description from the AI: one line, no control or invisible formatting characters (which could
/// reorder text, e.g. bidi overrides), at most a given length. Markup such as <c>&lt;script&gt;</c> stays as text:
/// the renderer escapes it.
/// </summary>
internal static class PlanText
{
    public static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var builder = new StringBuilder(Math.Min(value.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var character in value)
        {
            if (char.IsWhiteSpace(character) || char.IsControl(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format)
                continue;
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(character);
            if (builder.Length > maxLength)
                break;
        }
        return Truncate(builder.ToString(), maxLength);
    }

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--; // never split a surrogate pair
        return text[..cut].TrimEnd() + "…";
    }
}
