using Npgsql;

namespace Docsfy.Worker.Storage;

/// <summary>
/// Reads the pages an earlier run cached (its pages as served, placeholders excluded), for an incremental run to reuse
/// byte for byte. A run's own pages are cached by <see cref="SiteWriter"/> together with its site.
/// </summary>
public sealed class PageCache(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select slug, markdown from page_cache where generation_id = @run_id");
        command.Parameters.AddWithValue("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            pages[reader.GetString(0)] = reader.GetString(1);
        }
        return pages;
    }
}
