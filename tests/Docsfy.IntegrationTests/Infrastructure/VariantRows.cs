using Npgsql;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Writes variant rows straight into the database, standing in for generation (which arrives with the pipeline) so the
/// visibility rules can be tested on exactly the rows a test chooses.
/// </summary>
public static class VariantRows
{
    /// <summary>Inserts a variant and returns its generation id (the run id worker events refer to).</summary>
    public static async Task<Guid> InsertAsync(DocsfyAppHost host, string name, string owner, string status = "ready",
        string branch = "main", string provider = "cursor", string model = "gpt-5", DateTime? updatedAt = null,
        Guid? runId = null)
    {
        var id = runId ?? Guid.NewGuid();
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            insert into variants (name, branch, ai_provider, ai_model, owner, repo_url, status, generation_id, updated_at)
            values (@name, @branch, @provider, @model, @owner, @url, @status, @generation_id, @updated_at)
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("branch", branch);
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("url", $"https://example.com/{owner}/{name}.git");
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("generation_id", id);
        command.Parameters.AddWithValue("updated_at", DateTime.SpecifyKind(updatedAt ?? DateTime.UtcNow, DateTimeKind.Utc));
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public static async Task<long> CountAsync(DocsfyAppHost host, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Sets one column of the variant with this generation id, as a run would have left it.</summary>
    public static async Task SetAsync(DocsfyAppHost host, Guid runId, string column, object value)
    {
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"update variants set {column} = @value where generation_id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DeleteAsync(DocsfyAppHost host, Guid runId)
    {
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("delete from variants where generation_id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One column of the variant with this generation id, as text.</summary>
    public static async Task<string?> ColumnAsync(DocsfyAppHost host, Guid runId, string column)
    {
        await using var connection = new NpgsqlConnection(await host.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select {column}::text from variants where generation_id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        return await command.ExecuteScalarAsync() as string;
    }
}
