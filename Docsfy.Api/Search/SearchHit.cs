namespace Docsfy.Api.Search;

/// <summary>
/// One page found: the variant whose published site has it, the page, a snippet and where the page is served.
/// <see cref="Snippet"/> is HTML: the page's text encoded, with the matched words in <c>&lt;mark&gt;</c>.
/// </summary>
public sealed record SearchHit(
    string Project, string Branch, string Provider, string Model, string Owner, string Slug, string Title, string Snippet,
    string Url);
