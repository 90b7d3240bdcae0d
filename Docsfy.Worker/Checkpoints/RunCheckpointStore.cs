using Docsfy.Worker.Generation;
using Npgsql;

namespace Docsfy.Worker.Checkpoints;

/// <summary>
/// A run's checkpoint in PostgreSQL (tables <c>run_checkpoints</c> and <c>run_checkpoint_pages</c>, created by the API
/// when it sends the run). Every write is fenced: it changes something only while the run is generating and at the
/// attempt that writes, so a worker that was cut off and whose run was taken over cannot write into the next attempt's
/// checkpoint (docs/design/pipeline.md §12). Each write answers whether it was recorded.
/// </summary>
public sealed class RunCheckpointStore(NpgsqlDataSource dataSource)
{
    /// <summary>The run's checkpoint as this attempt finds it; empty when it is not this attempt's to continue.</summary>
    public async Task<RunCheckpoint> LoadAsync(Guid runId, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead,
            cancellationToken);
        await using var head = new NpgsqlCommand("""
            select c.commit_sha, c.plan_json, c.rewrite, v.last_event_seq, v.page_count
            from run_checkpoints c join variants v on v.generation_id = c.generation_id
            where c.generation_id = @run_id and v.status = 'generating' and v.run_attempt = @attempt
            """, connection, transaction);
        head.Parameters.AddWithValue("run_id", runId);
        head.Parameters.AddWithValue("attempt", attempt);
        string? commit, plan;
        string[]? rewrite;
        long lastSequence;
        int pageCount;
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return RunCheckpoint.Empty;
            }
            commit = reader.IsDBNull(0) ? null : reader.GetString(0);
            plan = reader.IsDBNull(1) ? null : reader.GetString(1);
            rewrite = reader.IsDBNull(2) ? null : reader.GetFieldValue<string[]>(2);
            lastSequence = reader.GetInt64(3);
            pageCount = reader.GetInt32(4);
        }
        await using var pages = new NpgsqlCommand("select slug, markdown from run_checkpoint_pages where generation_id = @run_id",
            connection, transaction);
        pages.Parameters.AddWithValue("run_id", runId);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await pages.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                written[reader.GetString(0)] = reader.GetString(1);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new RunCheckpoint(commit, plan, rewrite, written, lastSequence, pageCount);
    }

    /// <summary>The commit the run documents: recorded once, so every later attempt documents the same one.</summary>
    public async Task<bool> SaveCommitAsync(Guid runId, int attempt, string commitSha, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update run_checkpoints set commit_sha = coalesce(commit_sha, @commit_sha), updated_at = now()
            where generation_id = @run_id and {RunGuard.IsCurrentCondition}
            """);
        Fence(command, runId, attempt);
        command.Parameters.AddWithValue("commit_sha", commitSha);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The plan the pages are written for. Pages belong to their plan: when it differs from the one recorded (an
    /// incremental run that had to fall back to a full one), the pages written for the other are dropped.
    /// </summary>
    public async Task<bool> SavePlanAsync(Guid runId, int attempt, string planJson, IReadOnlyList<string>? rewrite,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with changed as (
                update run_checkpoints set plan_json = @plan_json, rewrite = @rewrite, updated_at = now()
                where generation_id = @run_id and {RunGuard.IsCurrentCondition}
                  and (plan_json is distinct from @plan_json or rewrite is distinct from @rewrite)
                returning generation_id),
            dropped as (
                delete from run_checkpoint_pages p using changed where p.generation_id = changed.generation_id)
            select count(*) from changed
            """);
        Fence(command, runId, attempt);
        command.Parameters.AddWithValue("plan_json", planJson);
        command.Parameters.AddWithValue("rewrite", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            (object?)rewrite?.ToArray() ?? DBNull.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is > 0L;
    }

    /// <summary>One page written in full.</summary>
    public async Task<bool> SavePageAsync(Guid runId, int attempt, string slug, string markdown, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into run_checkpoint_pages (generation_id, slug, markdown)
            select @run_id, @slug, @markdown
            where {RunGuard.IsCurrentCondition} and exists (select 1 from run_checkpoints where generation_id = @run_id)
            on conflict (generation_id, slug) do update set markdown = excluded.markdown, written_at = now()
            """);
        Fence(command, runId, attempt);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("markdown", markdown);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The run ended (and its checkpoint went with it) between the check and the insert.
            return false;
        }
    }

    private static void Fence(NpgsqlCommand command, Guid runId, int attempt)
    {
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("attempt", attempt);
    }
}
