using Docsfy.Api.Projects;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Generation;

/// <summary>
/// Applies worker events to variant rows. Each update is one conditional statement, so however many API replicas
/// consume the queue and however often RabbitMQ redelivers, an event changes the row at most once and never backwards:
/// progress only for the variant's current run, only while it is generating, only with a newer sequence number; a
/// terminal status only while the run is still generating (so it wins over any progress that arrives later).
/// </summary>
public sealed class VariantEventStore(NpgsqlDataSource dataSource)
{
    public async Task<bool> ApplyProgressAsync(GenerationProgressed progress, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update variants
            set current_stage = @stage, page_count = @page_count, plan_json = coalesce(@plan_json, plan_json),
                error_message = @error_message, last_event_seq = @sequence, heartbeat_at = now(), updated_at = now()
            where generation_id = @run_id and status = 'generating' and last_event_seq < @sequence
            """);
        command.Parameters.AddWithValue("stage", progress.Stage);
        command.Parameters.AddWithValue("page_count", progress.PageCount);
        command.Parameters.AddWithValue("plan_json", (object?)progress.PlanJson ?? DBNull.Value);
        command.Parameters.AddWithValue("error_message", (object?)progress.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("sequence", progress.Sequence);
        command.Parameters.AddWithValue("run_id", progress.RunId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Applies a terminal status; returns the stored completion time when it was applied, else null. A ready run that
    /// produced a site is published in the same statement: the variant now serves this run's files. An up-to-date run
    /// keeps serving the site it reused.
    /// </summary>
    public async Task<FinishedRow?> ApplyFinishedAsync(GenerationFinished finished, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update variants
            set status = @status,
                current_stage = case when @up_to_date then 'up_to_date' else null end,
                page_count = @page_count,
                published_generation_id = case when @status = 'ready' and not @up_to_date
                    then generation_id else published_generation_id end,
                last_generated = case when @status = 'ready' then coalesce(@last_generated, now()) else last_generated end,
                last_commit_sha = coalesce(@commit_sha, last_commit_sha),
                error_message = @error_message,
                last_event_seq = greatest(last_event_seq, @sequence),
                updated_at = now()
            where generation_id = @run_id and status = 'generating'
            returning last_generated, last_commit_sha, page_count
            """);
        command.Parameters.AddWithValue("status", finished.Status);
        command.Parameters.AddWithValue("up_to_date", finished.UpToDate && finished.Status == VariantStatus.Ready);
        command.Parameters.AddWithValue("page_count", finished.PageCount);
        command.Parameters.AddWithValue("last_generated", finished.LastGenerated is { } at
            ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : DBNull.Value);
        command.Parameters.AddWithValue("commit_sha", (object?)finished.CommitSha ?? DBNull.Value);
        command.Parameters.AddWithValue("error_message", (object?)finished.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("sequence", finished.Sequence);
        command.Parameters.AddWithValue("run_id", finished.RunId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new FinishedRow(
            reader.IsDBNull(0) ? null : Timestamps.Format(reader.GetDateTime(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetInt32(2));
    }

    public sealed record FinishedRow(string? LastGenerated, string? LastCommitSha, int PageCount);
}
