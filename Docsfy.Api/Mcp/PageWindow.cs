namespace Docsfy.Api.Mcp;

/// <summary>
/// One window of a long text, so a tool answer stays bounded however long the page is: at most
/// <see cref="MaxChars"/> characters from <see cref="Offset"/>, cut after a line break when one is near the end (a
/// reader gets whole lines) and never through a surrogate pair. <see cref="NextOffset"/> is where the next window
/// starts, null at the end.
/// </summary>
public sealed record PageWindow(string Content, int Offset, int? NextOffset, int TotalChars)
{
    public const int MaxChars = 20_000;

    /// <summary>
    /// The window of <paramref name="text"/> at <paramref name="offset"/>; null when the offset is not one a window can
    /// start at (negative, past the end, or inside a surrogate pair).
    /// </summary>
    public static PageWindow? Of(string text, int offset, int maxChars = MaxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        if (offset < 0 || offset > text.Length || offset > 0 && offset == text.Length
            || offset > 0 && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]))
        {
            return null;
        }
        var end = Math.Min(text.Length, offset + maxChars);
        if (end < text.Length)
        {
            // Cut at a line break only if that keeps at least three quarters of the window.
            var lineBreak = text.LastIndexOf('\n', end - 1, end - offset);
            if (lineBreak >= offset + maxChars * 3 / 4)
            {
                end = lineBreak + 1;
            }
            else if (char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }
        }
        return new PageWindow(text[offset..end], offset, end < text.Length ? end : null, text.Length);
    }
}
