using System.Text.Json;
using Npgsql;

namespace Docsfy.Api.Search;

/// <summary>
/// Indexes a run's pages for search when the run is published, inside the transaction that publishes it
/// (docs/design/search-and-mcp.md §2): a search sees a site's pages exactly when <c>/docs</c> serves them, never a
/// half-written run. A site whose index file is missing, too large or malformed is published without search rather than
/// not at all.
/// </summary>
public sealed class SearchIndexer(ILogger<SearchIndexer> logger)
{
    // The worker caps each page's text at 10,000 characters; this leaves room for thousands of pages and no more.
    private const int MaxIndexFileBytes = 64 * 1024 * 1024;

    private const string Insert = """
        insert into search_pages (generation_id, path, slug, title, headings, body, document)
        select @run, p.path, p.slug, p.title, p.headings, p.body,
               setweight(to_tsvector('english', p.title), 'A') || setweight(to_tsvector('simple', p.title_split), 'A')
               || setweight(to_tsvector('english', p.headings), 'B') || setweight(to_tsvector('simple', p.headings_split), 'B')
               || setweight(to_tsvector('english', p.description), 'C') || setweight(to_tsvector('simple', p.description_split), 'C')
               || setweight(to_tsvector('english', p.body), 'D') || setweight(to_tsvector('simple', p.body_split), 'D')
        from unnest(@paths, @slugs, @titles, @title_splits, @headings, @headings_splits, @descriptions, @description_splits,
                    @bodies, @body_splits)
            as p(path, slug, title, title_split, headings, headings_split, description, description_split, body, body_split)
        where exists (select 1 from site_files f where f.generation_id = @run and f.path = p.path)
        on conflict do nothing
        """;

    /// <summary>Indexes <paramref name="run"/> unless it already is (an up-to-date run publishes an indexed run again).</summary>
    /// <returns>How many pages were indexed now.</returns>
    public async Task<int> IndexAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid run,
        CancellationToken cancellationToken)
    {
        await using (var indexed = new NpgsqlCommand("select exists (select 1 from search_pages where generation_id = @run)",
                         connection, transaction))
        {
            indexed.Parameters.AddWithValue("run", run);
            if ((bool)(await indexed.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }
        var documents = await ReadDocumentsAsync(connection, transaction, run, cancellationToken);
        if (documents.Count == 0)
        {
            return 0;
        }
        await using var insert = new NpgsqlCommand(Insert, connection, transaction);
        insert.Parameters.AddWithValue("run", run);
        insert.Parameters.AddWithValue("paths", documents.Select(d => d.Path).ToArray());
        insert.Parameters.AddWithValue("slugs", documents.Select(d => d.Slug).ToArray());
        insert.Parameters.AddWithValue("titles", documents.Select(d => d.Title).ToArray());
        insert.Parameters.AddWithValue("title_splits", documents.Select(d => IdentifierSplitter.Split(d.Title)).ToArray());
        insert.Parameters.AddWithValue("headings", documents.Select(d => d.Headings).ToArray());
        insert.Parameters.AddWithValue("headings_splits", documents.Select(d => IdentifierSplitter.Split(d.Headings)).ToArray());
        insert.Parameters.AddWithValue("descriptions", documents.Select(d => d.Description).ToArray());
        insert.Parameters.AddWithValue("description_splits", documents.Select(d => IdentifierSplitter.Split(d.Description)).ToArray());
        insert.Parameters.AddWithValue("bodies", documents.Select(d => d.Body).ToArray());
        insert.Parameters.AddWithValue("body_splits", documents.Select(d => IdentifierSplitter.Split(d.Body)).ToArray());
        var count = await insert.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Indexed {Pages} pages of run {RunId} for search", count, run);
        return count;
    }

    private async Task<IReadOnlyList<SearchDocument>> ReadDocumentsAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, Guid run, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("""
            select octet_length(content), case when octet_length(content) <= @max then content end
            from site_files where generation_id = @run and path = @path
            """, connection, transaction);
        read.Parameters.AddWithValue("run", run);
        read.Parameters.AddWithValue("path", SiteSearchIndex.FileName);
        read.Parameters.AddWithValue("max", MaxIndexFileBytes);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            logger.LogWarning("Run {RunId} has no {File}: its site is not searchable", run, SiteSearchIndex.FileName);
            return [];
        }
        if (reader.IsDBNull(1))
        {
            logger.LogWarning("The {File} of run {RunId} is {Bytes} bytes, over the limit: its site is not searchable",
                SiteSearchIndex.FileName, run, reader.GetInt32(0));
            return [];
        }
        var content = reader.GetFieldValue<byte[]>(1);
        try
        {
            return JsonSerializer.Deserialize<SiteSearchIndex>(content) is { } index ? SearchDocument.From(index) : [];
        }
        catch (JsonException exception)
        {
            logger.LogWarning("The {File} of run {RunId} is not valid ({Reason}): its site is not searchable",
                SiteSearchIndex.FileName, run, exception.Message);
            return [];
        }
    }
}
