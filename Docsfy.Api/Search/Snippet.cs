using System.Net;
using System.Text;

namespace Docsfy.Api.Search;

/// <summary>
/// Turns PostgreSQL's <c>ts_headline</c> into safe HTML. The page text is written by an AI, so it may contain markup of
/// its own: the headline marks hits with two private-use characters (which the indexer removes from page text, so they
/// can only come from <c>ts_headline</c>), everything is HTML-encoded, and only then do the marks become
/// <c>&lt;mark&gt;</c> elements. A client may insert the result as HTML; nothing in it came from the page unescaped.
/// </summary>
public static class Snippet
{
    public const char StartMark = '\uE000';
    public const char StopMark = '\uE001';

    /// <summary>The <c>ts_headline</c> options: short fragments around the hits, marked with <see cref="StartMark"/>.</summary>
    public static readonly string HeadlineOptions =
        $"StartSel={StartMark}, StopSel={StopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public const int MaxLength = 1_000;

    /// <summary>Removes the marker characters from page text before it is stored, so only a headline can contain them.</summary>
    public static string StripMarks(string text) =>
        text.Contains(StartMark) || text.Contains(StopMark) ? text.Replace(StartMark, ' ').Replace(StopMark, ' ') : text;

    /// <summary>HTML-encoded headline with each hit in <c>&lt;mark&gt;</c>; marks always balanced, the text bounded.</summary>
    public static string ToHtml(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        // A headline is a few dozen words, but one "word" of AI text can be arbitrarily long.
        var text = headline.Length > MaxLength ? headline[..MaxLength] + "…" : headline;
        var html = new StringBuilder(text.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not (StartMark or StopMark))
            {
                continue;
            }
            html.Append(WebUtility.HtmlEncode(text[start..i]));
            start = i + 1;
            if (text[i] == StartMark && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (text[i] == StopMark && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }
        html.Append(WebUtility.HtmlEncode(text[start..]));
        return open ? html.Append("</mark>").ToString() : html.ToString();
    }
}
