using System.Security.Cryptography;
using Docsfy.Worker.Rendering;
using Npgsql;
using NpgsqlTypes;

namespace Docsfy.Worker.Storage;

/// <summary>
/// Writes a run's rendered site and its page cache into PostgreSQL under the run's generation id, all or nothing. The
/// API serves the site only after the run's <c>ready</c> event points the variant at it, so a half-written site is never
/// visible.
/// </summary>
public sealed class SiteWriter(NpgsqlDataSource dataSource)
{
    /// <param name="cachedPages">The pages a later run may reuse, by slug: every page except placeholders.</param>
    public async Task SaveAsync(Guid runId, IReadOnlyList<SiteFile> files, IReadOnlyDictionary<string, string> cachedPages,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand(
            "delete from site_files where generation_id = @run_id; delete from page_cache where generation_id = @run_id",
            connection, transaction))
        {
            clear.Parameters.AddWithValue("run_id", runId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "copy site_files (generation_id, path, content_type, content, sha256) from stdin (format binary)", cancellationToken))
        {
            foreach (var file in files)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(file.Path, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(file.ContentType, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(file.Content, NpgsqlDbType.Bytea, cancellationToken);
                await import.WriteAsync(Convert.ToHexStringLower(SHA256.HashData(file.Content)), NpgsqlDbType.Text, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "copy page_cache (generation_id, slug, markdown) from stdin (format binary)", cancellationToken))
        {
            foreach (var (slug, markdown) in cachedPages)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(slug, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(markdown, NpgsqlDbType.Text, cancellationToken);
            }
            await import.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
