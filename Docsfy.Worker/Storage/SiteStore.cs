using System.Security.Cryptography;
using Docsfy.Worker.Rendering;
using Npgsql;
using NpgsqlTypes;

namespace Docsfy.Worker.Storage;

/// <summary>
/// Writes a run's rendered site into PostgreSQL under the run's generation id, all files or none. The API serves it only
/// after the run's <c>ready</c> event points the variant at it, so a half-written site is never visible.
/// </summary>
public sealed class SiteStore(NpgsqlDataSource dataSource)
{
    public async Task SaveAsync(Guid runId, IReadOnlyList<SiteFile> files, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("delete from site_files where generation_id = @run_id", connection, transaction))
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
        await transaction.CommitAsync(cancellationToken);
    }
}
