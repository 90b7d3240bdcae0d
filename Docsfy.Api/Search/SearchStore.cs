using Docsfy.Api.Auth;
using Docsfy.Api.Projects;
using Npgsql;

namespace Docsfy.Api.Search;

/// <summary>
/// Searches the published sites the caller may see (docs/design/search-and-mcp.md §3). Which sites those are is asked of
/// <see cref="ProjectStore.FindVisibleSitesAsync"/>, with the one visibility rule of every list, so search shows exactly
/// what REST and <c>/docs</c> show; the index is then read only for those sites' published runs.
/// </summary>
public sealed class SearchStore(NpgsqlDataSource dataSource, ProjectStore projects)
{
    // A search is one indexed query; one that takes longer is cut off rather than held against the pool.
    private const int TimeoutSeconds = 15;

    // english finds words as written (stemmed); simple over the identifier-split copy finds the parts of code names. An
    // exact title match comes first, then ts_rank (title A > headings B > description C > body D). Snippets are made for
    // the hits that are returned only.
    private const string Query = """
        with q as (select websearch_to_tsquery('english', @text) || websearch_to_tsquery('simple', @split) as query),
        hits as (
            select v.idx, p.slug, p.title, p.path, p.body,
                   lower(p.title) = lower(@text) as exact,
                   ts_rank(p.document, q.query) as rank
            from search_pages p
            join unnest(@runs, @indexes) as v(run, idx) on p.generation_id = v.run
            cross join q
            where p.document @@ q.query
            order by exact desc, rank desc, p.title, p.slug, v.idx
            limit @limit)
        select h.idx, h.slug, h.title, h.path, ts_headline('english', h.body, q.query, @options)
        from hits h cross join q
        order by h.exact desc, h.rank desc, h.title, h.slug, h.idx
        """;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(Caller caller, SearchQuery search, CancellationToken cancellationToken)
    {
        var sites = await projects.FindVisibleSitesAsync(caller, search.Filter, cancellationToken);
        if (sites.Count == 0)
        {
            return [];
        }
        await using var command = dataSource.CreateCommand(Query);
        command.CommandTimeout = TimeoutSeconds;
        command.Parameters.AddWithValue("text", search.Text);
        command.Parameters.AddWithValue("split", IdentifierSplitter.Split(search.Text));
        command.Parameters.AddWithValue("runs", sites.Select(s => s.RunId).ToArray());
        command.Parameters.AddWithValue("indexes", Enumerable.Range(0, sites.Count).ToArray());
        command.Parameters.AddWithValue("limit", search.Limit);
        command.Parameters.AddWithValue("options", Snippet.HeadlineOptions);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var variant = sites[reader.GetInt32(0)].Variant;
            hits.Add(new SearchHit(variant.Name, variant.Branch, variant.Provider, variant.Model, variant.Owner,
                Slug: reader.GetString(1), Title: reader.GetString(2), Snippet: Snippet.ToHtml(reader.GetString(4)),
                Url: DocsUrls.Of(variant, reader.GetString(3))));
        }
        return hits;
    }
}
