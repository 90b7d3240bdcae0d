using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Docsfy.Worker.Rendering;

/// <summary><c>search-index.json</c>, read by assets/search.js: per page its title, description, headings and text.</summary>
internal static class SearchIndex
{
    // Enough text to find a page by what it says without making the index heavy for large sites.
    private const int MaxTextLength = 10_000;
    private const int ExcerptLength = 200;

    // The default encoder escapes HTML-sensitive characters (<, >, &, quotes); allowing all Unicode ranges keeps
    // non-English text readable instead of \u-escaping every letter.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static byte[] Write(Site site)
    {
        var index = new Index(site.Pages.Select(page => new Entry(
            page.Slug,
            page.HtmlPath,
            page.Page.Title,
            page.Page.Description,
            page.Group,
            page.Body.Headings.Select(heading => new Heading(heading.Id, heading.Text)).ToList(),
            Truncate(page.Body.PlainText, ExcerptLength),
            Truncate(page.Body.PlainText, MaxTextLength))).ToList());

        return JsonSerializer.SerializeToUtf8Bytes(index, Options);
    }

    /// <summary>Cuts at a word boundary and marks the cut, so excerpts end cleanly.</summary>
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)] + "…";
    }

    private sealed record Index([property: JsonPropertyName("pages")] IReadOnlyList<Entry> Pages);

    private sealed record Entry(
        [property: JsonPropertyName("slug")] string Slug,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("group")] string Group,
        [property: JsonPropertyName("headings")] IReadOnlyList<Heading> Headings,
        [property: JsonPropertyName("excerpt")] string Excerpt,
        [property: JsonPropertyName("text")] string Text);

    private sealed record Heading(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("text")] string Text);
}
