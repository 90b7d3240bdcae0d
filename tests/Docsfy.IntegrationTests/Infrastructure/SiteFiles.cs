using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Writes a generated site straight into <c>site_files</c> and publishes it on a variant, standing in for the worker
/// (which writes the files of its run) and for the API's publish step (which points the variant at that run).
/// </summary>
public static class SiteFiles
{
    public sealed record File(string Path, string ContentType, byte[] Content)
    {
        public static File Text(string path, string contentType, string content) => new(path, contentType, Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Stores <paramref name="files"/> under a new run id and publishes that run on the variant; returns the run id.</summary>
    public static async Task<Guid> PublishAsync(DocsfyAppHost host, Guid variantRunId, DateTime? lastGenerated,
        params File[] files)
    {
        var run = Guid.NewGuid();
        await WriteRunAsync(host, run, files);
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var publish = new NpgsqlCommand("""
            update variants set published_generation_id = @run, last_generated = @last_generated where generation_id = @id
            """, connection);
        publish.Parameters.AddWithValue("run", run);
        publish.Parameters.AddWithValue("last_generated", DateTime.SpecifyKind(lastGenerated ?? DateTime.UtcNow, DateTimeKind.Utc));
        publish.Parameters.AddWithValue("id", variantRunId);
        Assert.Equal(1, await publish.ExecuteNonQueryAsync());
        return run;
    }

    /// <summary>Stores <paramref name="files"/> under <paramref name="run"/> without publishing them, as a worker saves its site.</summary>
    public static async Task WriteRunAsync(DocsfyAppHost host, Guid run, params File[] files)
    {
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        foreach (var file in files)
        {
            await using var insert = new NpgsqlCommand("""
                insert into site_files (generation_id, path, content_type, content, sha256)
                values (@run, @path, @type, @content, @sha256)
                """, connection);
            insert.Parameters.AddWithValue("run", run);
            insert.Parameters.AddWithValue("path", file.Path);
            insert.Parameters.AddWithValue("type", file.ContentType);
            insert.Parameters.AddWithValue("content", file.Content);
            insert.Parameters.AddWithValue("sha256", Convert.ToHexStringLower(SHA256.HashData(file.Content)));
            await insert.ExecuteNonQueryAsync();
        }
    }
}
