using Docsfy.Api.Data;
using Docsfy.Api.Generation.Events;
using Docsfy.Api.Projects;
using Docsfy.Api.Search;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Generation;

/// <summary>
/// Applies worker events to variant rows. Each update is conditional, so however events are batched, redelivered or
/// interleaved, an event changes the row at most once and never backwards:
/// progress only for the variant's current run, only while it is generating, only with a newer sequence number; a
/// terminal status only while the run is still generating (so it wins over any progress that arrives later). Every
/// event, heartbeats too, counts only from the run's current attempt: once a run is taken over, a worker that was only
/// cut off can no longer change it (docs/design/pipeline.md §12). Page counts never go down within a run.
/// </summary>
public sealed class VariantEventStore(NpgsqlDataSource dataSource, SearchIndexer search)
{
    /// <summary>
    /// Applies the newest progress of many runs in one statement, with the same rules as ever: only the variant's
    /// current run, only while it is generating, only a newer sequence. Returns, for each run it changed, the sequence
    /// its row had before, so the caller broadcasts exactly the events that were new to the database.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, long>> ApplyProgressAsync(IReadOnlyCollection<GenerationProgressed> newest,
        CancellationToken cancellationToken)
    {
        if (newest.Count == 0)
        {
            return new Dictionary<Guid, long>();
        }
        await using var command = dataSource.CreateCommand("""
            with batch as (
                select * from unnest(@run_ids, @sequences, @stages, @page_counts, @plans, @errors, @attempts)
                    as b(run_id, sequence, stage, page_count, plan_json, error_message, attempt)),
            before as (
                select v.id, v.last_event_seq
                from variants v join batch b on v.generation_id = b.run_id
                where v.status = 'generating' and v.last_event_seq < b.sequence and v.run_attempt = b.attempt
                for update of v)
            update variants v
            set current_stage = b.stage, page_count = greatest(v.page_count, b.page_count),
                plan_json = coalesce(b.plan_json, v.plan_json),
                error_message = b.error_message, last_event_seq = b.sequence, heartbeat_at = now(), updated_at = now()
            from batch b, before
            where v.id = before.id and v.generation_id = b.run_id
              and v.status = 'generating' and v.last_event_seq < b.sequence and v.run_attempt = b.attempt
            returning v.generation_id, before.last_event_seq
            """);
        command.Parameters.AddWithValue("run_ids", newest.Select(p => p.RunId).ToArray());
        command.Parameters.AddWithValue("sequences", newest.Select(p => p.Sequence).ToArray());
        command.Parameters.AddWithValue("stages", newest.Select(p => p.Stage).ToArray());
        command.Parameters.AddWithValue("page_counts", newest.Select(p => p.PageCount).ToArray());
        command.Parameters.AddWithValue("plans", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            newest.Select(p => (object?)p.PlanJson ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("errors", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            newest.Select(p => (object?)p.ErrorMessage ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("attempts", newest.Select(p => p.Attempt).ToArray());
        var applied = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return applied;
    }

    /// <summary>
    /// Notes that the workers of these runs are alive (the watchdog takes over runs whose heartbeats stop); a heartbeat of
    /// an attempt the run has moved past keeps nothing alive.
    /// </summary>
    public async Task TouchAsync(IReadOnlyCollection<RunAttempt> runs, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand("""
            update variants v set heartbeat_at = now()
            from unnest(@run_ids, @attempts) as b(run_id, attempt)
            where v.generation_id = b.run_id and v.run_attempt = b.attempt and v.status = 'generating'
            """);
        command.Parameters.AddWithValue("run_ids", runs.Select(r => r.RunId).ToArray());
        command.Parameters.AddWithValue("attempts", runs.Select(r => r.Attempt).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Applies a terminal status; returns the stored completion time when it was applied, else null. A ready run that
    /// produced a site is published in the same transaction: the variant now serves this run's files; an up-to-date run
    /// serves the site of its base (always its own variant's published run) with that base's plan. A ready run that
    /// replaces another variant (docs/design/variants.md §9) deletes it here, so the <c>sync</c> that follows no longer
    /// lists it. The published run's pages are indexed for search in the same transaction (docs/design/search-and-mcp.md §2).
    /// </summary>
    public async Task<FinishedRow?> ApplyFinishedAsync(GenerationFinished finished, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            update variants
            set status = @status,
                current_stage = case when @up_to_date then 'up_to_date' else null end,
                page_count = @page_count,
                published_generation_id = case
                    when @status = 'ready' and @up_to_date then coalesce(base_generation_id, published_generation_id)
                    when @status = 'ready' then generation_id
                    else published_generation_id end,
                plan_json = case when @status = 'ready' then coalesce(@plan_json, plan_json) else plan_json end,
                last_generated = case when @status = 'ready' then coalesce(@last_generated, now()) else last_generated end,
                last_commit_sha = coalesce(@commit_sha, last_commit_sha),
                published_commit_sha = case when @status = 'ready' then coalesce(@commit_sha, last_commit_sha)
                    else published_commit_sha end,
                left_out = case when @status = 'ready' and not @up_to_date then @left_out else left_out end,
                error_message = @error_message,
                last_event_seq = greatest(last_event_seq, @sequence),
                ai_calls = coalesce(@ai_calls, ai_calls),
                ai_input_tokens = coalesce(@input_tokens, ai_input_tokens),
                ai_output_tokens = coalesce(@output_tokens, ai_output_tokens),
                ai_cost_usd = coalesce(@cost_usd, ai_cost_usd),
                pages_reused = coalesce(@pages_reused, pages_reused),
                updated_at = now()
            where generation_id = @run_id and status = 'generating' and run_attempt = @attempt
            returning last_generated, last_commit_sha, page_count, replaces_generation_id, published_generation_id
            """, connection, transaction);
        var usage = finished.Usage;
        command.Parameters.AddWithValue("status", finished.Status);
        command.Parameters.AddWithValue("up_to_date", finished.UpToDate && finished.Status == VariantStatus.Ready);
        command.Parameters.AddWithValue("page_count", finished.PageCount);
        command.Parameters.AddWithValue("plan_json", (object?)finished.PlanJson ?? DBNull.Value);
        command.Parameters.AddWithValue("last_generated", finished.LastGenerated is { } at
            ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : DBNull.Value);
        command.Parameters.AddWithValue("commit_sha", (object?)finished.CommitSha ?? DBNull.Value);
        command.Parameters.AddWithValue("error_message", (object?)finished.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("left_out", NpgsqlTypes.NpgsqlDbType.Text, (object?)finished.LeftOut ?? DBNull.Value);
        command.Parameters.AddWithValue("sequence", finished.Sequence);
        command.Parameters.AddWithValue("run_id", finished.RunId);
        command.Parameters.AddWithValue("attempt", finished.Attempt);
        command.Parameters.AddWithValue("ai_calls", NpgsqlTypes.NpgsqlDbType.Integer, (object?)usage?.AiCalls ?? DBNull.Value);
        command.Parameters.AddWithValue("input_tokens", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)usage?.InputTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("output_tokens", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)usage?.OutputTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("cost_usd", NpgsqlTypes.NpgsqlDbType.Numeric, (object?)usage?.CostUsd ?? DBNull.Value);
        command.Parameters.AddWithValue("pages_reused", NpgsqlTypes.NpgsqlDbType.Integer, (object?)usage?.PagesReused ?? DBNull.Value);

        FinishedRow row;
        Guid? replaces;
        Guid? published;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            row = new FinishedRow(
                reader.IsDBNull(0) ? null : Timestamps.Format(reader.GetDateTime(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt32(2),
                ReplacedVariants: 0);
            replaces = reader.IsDBNull(3) ? null : reader.GetGuid(3);
            published = reader.IsDBNull(4) ? null : reader.GetGuid(4);
        }
        if (finished.Status == VariantStatus.Ready && published is { } site)
        {
            await search.IndexAsync(connection, transaction, site, cancellationToken);
        }
        if (finished.Status == VariantStatus.Ready && replaces is { } replacedRun)
        {
            row = row with { ReplacedVariants = await DeleteReplacedAsync(connection, transaction, finished, replacedRun, cancellationToken) };
        }
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Deletes the variant of the same owner, name and branch that still publishes the run this one was based on. A
    /// variant that has been regenerated since, or is generating now, is left alone: it is no longer what was replaced.
    /// Its files go with it, unless another variant still publishes them.
    /// </summary>
    private static async Task<int> DeleteReplacedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        GenerationFinished finished, Guid replacedRun, CancellationToken cancellationToken)
    {
        var variant = finished.Variant;
        await using var delete = new NpgsqlCommand("""
            with replaced as (
                delete from variants
                where name = @name and branch = @branch and owner = @owner
                  and (ai_provider, ai_model) <> (@provider, @model)
                  and published_generation_id = @replaced_run and status <> 'generating'
                returning generation_id)
            select count(*)::int, coalesce(array_agg(generation_id), '{}') from replaced
            """, connection, transaction);
        delete.Parameters.AddVariantKey(variant);
        delete.Parameters.AddWithValue("replaced_run", replacedRun);
        int deleted;
        Guid[] runs;
        await using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            deleted = reader.GetInt32(0);
            runs = reader.GetFieldValue<Guid[]>(1);
        }
        if (deleted > 0)
        {
            await using var files = new NpgsqlCommand(RunFiles.DeleteUnreferenced, connection, transaction);
            files.Parameters.AddWithValue("runs", runs.Append(replacedRun).Distinct().ToArray());
            await files.ExecuteNonQueryAsync(cancellationToken);
        }
        return deleted;
    }

    /// <param name="ReplacedVariants">How many variants this run replaced (deleted) on becoming ready.</param>
    public sealed record FinishedRow(string? LastGenerated, string? LastCommitSha, int PageCount, int ReplacedVariants);
}
