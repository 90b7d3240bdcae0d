using System.Text;

namespace Docsfy.Api.Search;

/// <summary>
/// Makes code identifiers findable by their words: <c>HubConnection</c> reads as <c>Hub Connection</c>,
/// <c>parseHTTPResponse2</c> as <c>parse HTTP Response 2</c>. PostgreSQL's parser already splits <c>max_concurrent_pages</c>
/// at the underscores, but keeps a camel-case word whole, so <c>connection</c> would never find <c>HubConnection</c>.
/// The split copy is indexed (and queried) with the <c>simple</c> configuration next to the text as written with
/// <c>english</c> (docs/design/search-and-mcp.md §2).
/// </summary>
public static class IdentifierSplitter
{
    /// <summary>The text with a space inserted wherever a word changes case or turns from letters to digits.</summary>
    public static string Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var split = new StringBuilder(text.Length + text.Length / 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && IsBoundary(text[i - 1], text[i], i + 1 < text.Length ? text[i + 1] : '\0'))
            {
                split.Append(' ');
            }
            split.Append(text[i]);
        }
        return split.ToString();
    }

    private static bool IsBoundary(char previous, char current, char next) =>
        // fooBar, foo2Bar
        (char.IsLower(previous) || char.IsDigit(previous)) && char.IsUpper(current)
        // HTTPResponse: the last capital of an acronym starts the next word
        || char.IsUpper(previous) && char.IsUpper(current) && char.IsLower(next)
        // utf8, v2: letters then digits
        || char.IsLetter(previous) && char.IsDigit(current);
}
