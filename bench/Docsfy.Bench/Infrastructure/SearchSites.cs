using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Docsfy.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// Published sites for the search scenario, made the way the product makes them: each variant's run gets its files
/// (one HTML file per page and the renderer's <c>search-index.json</c>) while it is generating, and the API indexes
/// them when the bench sends the run's <c>ready</c> event. Page text is deterministic prose mixed with code identifiers.
/// </summary>
public sealed class SearchSites(string connectionString)
{
    private static readonly string[] Words =
    [
        "the", "worker", "queue", "retries", "connection", "database", "pipeline", "render", "page", "site", "index",
        "search", "token", "session", "branch", "model", "provider", "configure", "deploy", "timeout", "cache", "stream",
        "message", "event", "replica", "schema", "migration", "cluster", "latency", "backoff", "exponential", "request",
        "response", "handler", "endpoint", "option", "default", "limit", "error", "status", "update", "progress", "abort",
    ];

    private static readonly string[] Identifiers =
    [
        "HubConnection", "max_concurrent_pages", "RunLifecycle", "SiteRenderer", "parseHTTPResponse", "retry_after_seconds",
        "IServiceCollection", "AddDocsfyHub", "page_count", "GenerationFinished", "NpgsqlDataSource", "heartbeat_interval",
    ];

    /// <summary>
    /// Inserts <paramref name="variants"/> generating variants of <paramref name="pagesPerSite"/> pages each (owners
    /// cycle through 50 users) with their files written; returns their finished events, to send.
    /// </summary>
    public async Task<IReadOnlyList<GenerationFinished>> CreateAsync(string prefix, int variants, int pagesPerSite)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var finished = new List<GenerationFinished>();
        var random = new Random(20261130);
        for (var v = 0; v < variants; v++)
        {
            var key = new VariantKey($"{prefix}-{v:D4}", "main", "offline", "markdown", $"user{1 + v % 50:D2}");
            var run = Guid.NewGuid();
            await using (var insert = new NpgsqlCommand("""
                insert into variants (name, branch, ai_provider, ai_model, owner, repo_url, status, current_stage, generation_id)
                values (@name, 'main', 'offline', 'markdown', @owner, 'https://example.com/' || @name || '.git', 'generating',
                        'rendering', @run)
                """, connection))
            {
                insert.Parameters.AddWithValue("name", key.Name);
                insert.Parameters.AddWithValue("owner", key.Owner);
                insert.Parameters.AddWithValue("run", run);
                await insert.ExecuteNonQueryAsync();
            }
            var pages = Enumerable.Range(0, pagesPerSite).Select(p => Page(random, p)).ToList();
            await using (var import = await connection.BeginBinaryImportAsync(
                "copy site_files (generation_id, path, content_type, content, sha256) from stdin (format binary)"))
            {
                foreach (var (path, contentType, content) in pages.Select(p => (p.Url, "text/html; charset=utf-8", Encoding.UTF8.GetBytes($"<p>{p.Text}</p>")))
                             .Append(("search-index.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(new { pages }))))
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(run, NpgsqlDbType.Uuid);
                    await import.WriteAsync(path, NpgsqlDbType.Text);
                    await import.WriteAsync(contentType, NpgsqlDbType.Text);
                    await import.WriteAsync(content, NpgsqlDbType.Bytea);
                    await import.WriteAsync(Convert.ToHexStringLower(SHA256.HashData(content)), NpgsqlDbType.Text);
                }
                await import.CompleteAsync();
            }
            finished.Add(new GenerationFinished(key, run, Sequence: 1, VariantStatus.Ready, pagesPerSite, DateTime.UtcNow,
                CommitSha: null, ErrorMessage: null, UpToDate: false));
        }
        return finished;
    }

    public async Task<long> IndexedPagesAsync(IReadOnlyList<Guid> runs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from search_pages where generation_id = any(@runs)", connection);
        count.Parameters.AddWithValue("runs", runs.ToArray());
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static SearchPage Page(Random random, int index)
    {
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words)
            .Select(_ => random.Next(8) == 0 ? Identifiers[random.Next(Identifiers.Length)] : Words[random.Next(Words.Length)]));
        var title = Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)];
        var text = string.Join(". ", Enumerable.Range(0, 20).Select(_ => Sentence(12)));
        return new SearchPage($"page-{index:D3}", $"page-{index:D3}.html", char.ToUpperInvariant(title[0]) + title[1..], Sentence(8),
            [new SearchHeading("h1", Sentence(3)), new SearchHeading("h2", Sentence(4))], text);
    }

    // An entry of the renderer's search-index.json, as far as the API reads it.
    private sealed record SearchPage(
        [property: JsonPropertyName("slug")] string Slug,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("headings")] IReadOnlyList<SearchHeading> Headings,
        [property: JsonPropertyName("text")] string Text);

    private sealed record SearchHeading([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("text")] string Text);
}
