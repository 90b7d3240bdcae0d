using System.Text.Json;
using Docsfy.Api.Search;

namespace Docsfy.UnitTests.Search;

public sealed class SearchDocumentTests
{
    [Fact]
    public void Pages_of_a_site_index_become_documents_with_headings_joined()
    {
        var documents = Parse("""
            {"pages": [
              {"slug": "hub", "url": "hub.html", "title": "The hub", "description": "Live updates.",
               "headings": [{"id": "a", "text": "Connecting"}, {"id": "b", "text": "Reconnecting"}], "text": "HubConnection opens."}
            ]}
            """);
        var page = Assert.Single(documents);
        Assert.Equal(("hub.html", "hub", "The hub", "Live updates.", "Connecting\nReconnecting", "HubConnection opens."),
            (page.Path, page.Slug, page.Title, page.Description, page.Headings, page.Body));
    }

    [Fact]
    public void Unsafe_paths_missing_slugs_and_repeated_paths_are_left_out()
    {
        var documents = Parse("""
            {"pages": [
              {"slug": "a", "url": "../etc/passwd"}, {"slug": "b", "url": "/abs.html"}, {"slug": "", "url": "c.html"},
              {"slug": "d", "url": "d.html"}, {"slug": "d2", "url": "d.html"}, null, {"slug": "e", "url": null}
            ]}
            """);
        Assert.Equal(["d.html"], documents.Select(d => d.Path));
        Assert.Equal("d", documents[0].Title);
    }

    [Fact]
    public void Text_is_bounded_and_made_safe_for_postgresql()
    {
        var body = "\u0000x\ud800" + new string('y', SearchDocument.MaxBodyLength) + Snippet.StartMark;
        var page = Parse(JsonSerializer.Serialize(new { pages = new[] { new { slug = "p", url = "p.html", text = body } } }))[0];
        Assert.Equal(SearchDocument.MaxBodyLength, page.Body.Length);
        Assert.DoesNotContain('\0', page.Body);
        Assert.DoesNotContain(page.Body, char.IsSurrogate);
    }

    private static IReadOnlyList<SearchDocument> Parse(string json) =>
        SearchDocument.From(JsonSerializer.Deserialize<SiteSearchIndex>(json)!);
}
