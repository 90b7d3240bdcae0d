using System.Data;
using Npgsql;

namespace Docsfy.Api.Docs;

/// <summary>The stored files of a run's site (<c>site_files</c>), read with sequential access so content streams.</summary>
public sealed class SiteFileReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Looks up one file and hands its head, and its content unless not wanted, to <paramref name="respond"/> while the
    /// row is still being read. Content is left out when <paramref name="wantContent"/> is false or the client already
    /// has it (its sha256 is in <paramref name="knownSha256"/>), so a 304 or a HEAD never transfers the bytes.
    /// </summary>
    /// <returns>False when the run has no such file.</returns>
    public async Task<bool> ReadFileAsync(Guid run, string path, IReadOnlyCollection<string> knownSha256, bool wantContent,
        Func<SiteFileHead, Stream?, Task> respond, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select content_type, sha256, octet_length(content),
                   case when @want_content and not (lower(sha256) = any(@known)) then content end
            from site_files where generation_id = @run and path = @path
            """);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("path", path);
        command.Parameters.AddWithValue("want_content", wantContent);
        command.Parameters.AddWithValue("known", knownSha256.ToArray());
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }
        var head = new SiteFileHead(reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        if (await reader.IsDBNullAsync(3, cancellationToken))
        {
            await respond(head, null);
        }
        else
        {
            await using var content = reader.GetStream(3);
            await respond(head, content);
        }
        return true;
    }

    public async Task<long> CountFilesAsync(Guid run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select count(*) from site_files where generation_id = @run");
        command.Parameters.AddWithValue("run", run);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every file of the run in byte order of their paths (a stable order makes a stable archive).</summary>
    public async Task ForEachFileAsync(Guid run, Func<string, Stream, Task> each, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select path, content from site_files where generation_id = @run order by path collate \"C\"");
        command.Parameters.AddWithValue("run", run);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var path = reader.GetString(0);
            await using var content = reader.GetStream(1);
            await each(path, content);
        }
    }
}
