using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Generation;

/// <summary>
/// Starts, aborts and times out runs. Each transition is one conditional statement on the variant row, so two API
/// replicas racing for the same variant cannot both win: "already generating" is decided by PostgreSQL, not by memory.
/// </summary>
public sealed class RunStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records a new run of the variant (creating the row, or reusing it when it is not generating). Returns null when
    /// the variant is already generating.
    /// </summary>
    /// <remarks>
    /// Unless forced, the run's base is this variant's own published run (same provider and model), whose commit, plan
    /// and pages the worker may reuse: a variant's pages are always written by the provider and model it is labelled
    /// with, so another model never takes over pages it did not write (docs/design/variants.md §7). When the newest
    /// ready variant of the same owner, name and branch has another provider or model, this run replaces it
    /// (docs/design/variants.md §9): its row is deleted once this run is ready, never before. Both are read in the same
    /// statement as the upsert, so they are the state before this run began.
    /// </remarks>
    /// <remarks>
    /// Any run that starts satisfies a pending follow-up (it clones the branch's newest commit), so it clears it.
    /// </remarks>
    public async Task<StartedRun?> StartAsync(VariantKey variant, string repoUrl, string? repoType, bool force,
        RunTrigger trigger, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid();
        await using var command = dataSource.CreateCommand("""
            with base as (
                select published_generation_id, last_commit_sha, plan_json
                from variants
                where name = @name and branch = @branch and ai_provider = @provider and ai_model = @model
                  and owner = @owner and status = 'ready' and published_generation_id is not null and not @force),
            newest as (
                select published_generation_id, ai_provider, ai_model
                from variants
                where name = @name and branch = @branch and owner = @owner and status = 'ready'
                  and published_generation_id is not null and not @force
                order by last_generated desc nulls last, updated_at desc, id desc
                limit 1)
            insert into variants (name, branch, ai_provider, ai_model, owner, repo_url, repo_type, status, generation_id,
                                  run_trigger, run_triggered_by, base_generation_id, replaces_generation_id)
            values (@name, @branch, @provider, @model, @owner, @repo_url, @repo_type, 'generating', @run_id,
                    @trigger, @triggered_by,
                    (select published_generation_id from base),
                    (select published_generation_id from newest where (ai_provider, ai_model) <> (@provider, @model)))
            on conflict (name, branch, ai_provider, ai_model, owner) do update
            set repo_url = excluded.repo_url, repo_type = coalesce(excluded.repo_type, variants.repo_type),
                status = 'generating', generation_id = excluded.generation_id, current_stage = null, error_message = null,
                page_count = 0, last_event_seq = 0, heartbeat_at = null, run_attempt = 1, run_losses = 0, updated_at = now(),
                base_generation_id = excluded.base_generation_id, replaces_generation_id = excluded.replaces_generation_id,
                ai_calls = null, ai_input_tokens = null, ai_output_tokens = null, ai_cost_usd = null, pages_reused = null,
                run_trigger = excluded.run_trigger, run_triggered_by = excluded.run_triggered_by,
                refresh_pending = false, refresh_pending_trigger = null, refresh_claimed_until = null
            where variants.status <> 'generating'
            returning (select published_generation_id from base), (select last_commit_sha from base),
                      (select plan_json from base)
            """);
        command.Parameters.AddVariantKey(variant);
        command.Parameters.AddWithValue("repo_url", repoUrl);
        command.Parameters.AddWithValue("repo_type", (object?)repoType ?? DBNull.Value);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("force", force);
        command.Parameters.AddWithValue("trigger", trigger.Kind);
        command.Parameters.AddWithValue("triggered_by", (object?)trigger.Detail ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return reader.IsDBNull(0)
            ? new StartedRun(runId, null, null, null)
            : new StartedRun(runId, reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>
    /// Ends the variant's running run as aborted, as the terminal event its viewers receive; null when it was not
    /// generating. Its text says who stopped it and where (<c>Aborted by alice at generating_pages.</c>), so an aborted
    /// run never reads like a crash. A follow-up run a push queued is dropped with it: the user said stop.
    /// </summary>
    public async Task<GenerationFinished?> AbortAsync(VariantKey variant, string abortedBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update variants
            set status = 'aborted', current_stage = null, updated_at = now(), refresh_pending = false,
                refresh_pending_trigger = null, error_message = 'Aborted by ' || @aborted_by || coalesce(' at ' || current_stage, ' before it started') || '.'
            where name = @name and branch = @branch and ai_provider = @provider and ai_model = @model and owner = @owner
              and status = 'generating'
            returning {EndedColumns}
            """);
        command.Parameters.AddVariantKey(variant);
        command.Parameters.AddWithValue("aborted_by", abortedBy);
        var ended = await ReadEndedAsync(command, cancellationToken);
        return ended.Count == 0 ? null : ended[0];
    }

    /// <summary>Ends a run that could not be handed to a worker.</summary>
    public async Task<GenerationFinished?> FailAsync(Guid runId, string errorMessage, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update variants
            set status = 'error', current_stage = null, error_message = @error_message, updated_at = now()
            where generation_id = @run_id and status = 'generating'
            returning {EndedColumns}
            """);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("error_message", errorMessage);
        var ended = await ReadEndedAsync(command, cancellationToken);
        return ended.Count == 0 ? null : ended[0];
    }

    /// <summary>The running variants named <paramref name="name"/>, narrowed by whatever else is given.</summary>
    public async Task<IReadOnlyList<VariantKey>> FindRunningAsync(string name, string? branch, string? provider, string? model,
        string? owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select name, branch, ai_provider, ai_model, owner from variants
            where name = @name and status = 'generating'
              and (@branch::text is null or branch = @branch) and (@provider::text is null or ai_provider = @provider)
              and (@model::text is null or ai_model = @model) and (@owner::text is null or lower(owner) = lower(@owner))
            order by owner, branch, ai_provider, ai_model
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("branch", (object?)branch ?? DBNull.Value);
        command.Parameters.AddWithValue("provider", (object?)provider ?? DBNull.Value);
        command.Parameters.AddWithValue("model", (object?)model ?? DBNull.Value);
        command.Parameters.AddWithValue("owner", (object?)owner ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var running = new List<VariantKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            running.Add(new VariantKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4)));
        }
        return running;
    }

    /// <summary>
    /// Ends runs nobody works on: started by a worker whose heartbeats stopped (it died) and that no takeover may take
    /// (it was taken over as often as allowed, see <see cref="RunTakeoverStore"/>, or has no checkpoint), or never taken
    /// by any worker — after <paramref name="queueTimeout"/> in any case, and after <paramref name="noWorkerWait"/> when
    /// it is given (no worker has been alive for that long, so waiting longer helps nobody).
    /// </summary>
    /// <remarks>
    /// A silent run a takeover may still take is left to the takeover, whose sweep may simply not have seen it yet: its
    /// statement ran a moment earlier, before the run's silence reached the timeout (the watchdog takes runs over, then
    /// ends what is left; the soak lost a killed worker's run to exactly that moment).
    /// </remarks>
    public async Task<IReadOnlyList<GenerationFinished>> EndStuckRunsAsync(TimeSpan heartbeatTimeout, int maxTakeovers,
        TimeSpan queueTimeout, TimeSpan? noWorkerWait, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update variants
            set status = 'error', current_stage = null, updated_at = now(),
                error_message = case
                    when heartbeat_at is not null and run_losses > 0 then {RunTakeoverStore.LostTooOftenText}
                    when heartbeat_at is not null then 'The worker running this generation stopped responding. Generate again.'
                    when @no_worker_wait::interval is not null and updated_at < now() - @no_worker_wait::interval
                        then 'No worker took this run within ' || @no_worker_text || ': no worker is running. Start a worker, then generate again.'
                    else 'No worker took this run within ' || @queue_text || ': every worker stayed busy. Generate again, or add workers.' end
            where status = 'generating'
              and ((heartbeat_at is not null and heartbeat_at < now() - @heartbeat_timeout
                    and not ({RunTakeoverStore.MayBeTakenOver("variants")}))
                or (heartbeat_at is null and updated_at < now() - @queue_timeout)
                or (heartbeat_at is null and @no_worker_wait::interval is not null and updated_at < now() - @no_worker_wait::interval))
            returning {EndedColumns}
            """);
        command.Parameters.AddWithValue("heartbeat_timeout", heartbeatTimeout);
        command.Parameters.AddWithValue("max_takeovers", maxTakeovers);
        command.Parameters.AddWithValue("queue_timeout", queueTimeout);
        command.Parameters.AddWithValue("no_worker_wait", NpgsqlTypes.NpgsqlDbType.Interval, (object?)noWorkerWait ?? DBNull.Value);
        command.Parameters.AddWithValue("queue_text", Durations.Describe(queueTimeout));
        command.Parameters.AddWithValue("no_worker_text", Durations.Describe(noWorkerWait ?? TimeSpan.Zero));
        return await ReadEndedAsync(command, cancellationToken);
    }

    /// <summary>
    /// Site files and cached pages of runs that can never be served: failed, aborted or superseded runs, and dead workers' writes. Only
    /// old ones, so files written just before their run is published are never caught in between.
    /// </summary>
    public async Task<int> DeleteOrphanedRunFilesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            delete from site_files f
            where f.created_at < now() - interval '10 minutes'
              and not exists (select 1 from variants v where v.published_generation_id = f.generation_id)
              and not exists (select 1 from variants v where v.generation_id = f.generation_id and v.status = 'generating');
            delete from page_cache p
            where p.created_at < now() - interval '10 minutes'
              and not exists (select 1 from variants v where v.published_generation_id = p.generation_id)
              and not exists (select 1 from variants v where v.generation_id = p.generation_id and v.status = 'generating');
            """);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Queues one follow-up run of a generating variant for when its run ends (docs/design/refresh.md §5); however many
    /// pushes arrive meanwhile, it stays one, recording the newest delivery. False when the variant is not generating
    /// (its run ended meanwhile), so the caller starts a run instead.
    /// </summary>
    public async Task<bool> QueueFollowUpAsync(VariantKey variant, RunTrigger trigger, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update variants set refresh_pending = true, refresh_pending_trigger = @triggered_by
            where name = @name and branch = @branch and ai_provider = @provider and ai_model = @model and owner = @owner
              and status = 'generating'
            """);
        command.Parameters.AddVariantKey(variant);
        command.Parameters.AddWithValue("triggered_by", (object?)trigger.Detail ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> follow-up runs that are due (their variant's run has ended) for
    /// <paramref name="lease"/>: other replicas skip them meanwhile, and if this replica dies before starting them, another
    /// claims them once the lease has run out. Starting the run clears the follow-up.
    /// </summary>
    public async Task<IReadOnlyList<(VariantKey Variant, string? DeliveryId)>> ClaimFollowUpsAsync(TimeSpan lease, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update variants v set refresh_claimed_until = now() + @lease
            where v.id in (
                select id from variants
                where refresh_pending and status <> 'generating'
                  and (refresh_claimed_until is null or refresh_claimed_until < now())
                order by updated_at
                limit @limit
                for update skip locked)
            returning v.name, v.branch, v.ai_provider, v.ai_model, v.owner, v.refresh_pending_trigger
            """);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<(VariantKey, string?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((new VariantKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return claimed;
    }

    /// <summary>Drops a follow-up that can never start (e.g. its owner may no longer run it), so it is not retried forever.</summary>
    public async Task DropFollowUpAsync(VariantKey variant, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update variants set refresh_pending = false, refresh_pending_trigger = null, refresh_claimed_until = null
            where name = @name and branch = @branch and ai_provider = @provider and ai_model = @model and owner = @owner
              and refresh_pending
            """);
        command.Parameters.AddVariantKey(variant);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal const string EndedColumns =
        "name, branch, ai_provider, ai_model, owner, generation_id, status, page_count, error_message, last_commit_sha, last_event_seq";

    internal static async Task<IReadOnlyList<GenerationFinished>> ReadEndedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ended = new List<GenerationFinished>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var variant = new VariantKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4));
            ended.Add(new GenerationFinished(variant, reader.GetGuid(5), reader.GetInt64(10) + 1,
                reader.GetString(6), reader.GetInt32(7), LastGenerated: null,
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(8) ? null : reader.GetString(8), UpToDate: false));
        }
        return ended;
    }
}

/// <param name="BaseRunId">The published run the worker may reuse; null when forced or there is none.</param>
public sealed record StartedRun(Guid RunId, Guid? BaseRunId, string? BaseCommitSha, string? BasePlanJson);
