using System.Text.Json.Serialization;

namespace Docsfy.Api.Search;

/// <summary>
/// The part of a site's <c>search-index.json</c> (written by the worker's renderer for the site's own client-side
/// search) that the server-side index reads: per page its file, title, description, headings and plain text, code
/// included. Indexing from it keeps the two searches in agreement about what a page says.
/// </summary>
internal sealed record SiteSearchIndex([property: JsonPropertyName("pages")] IReadOnlyList<SiteSearchIndex.Page>? Pages)
{
    public const string FileName = "search-index.json";

    internal sealed record Page(
        [property: JsonPropertyName("slug")] string? Slug,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("headings")] IReadOnlyList<Heading>? Headings,
        [property: JsonPropertyName("text")] string? Text);

    internal sealed record Heading([property: JsonPropertyName("text")] string? Text);
}
