using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// Writes variant rows straight into PostgreSQL, as the integration tests do: generation does not have to run for the
/// hub to have something to sync or to accept worker events for.
/// </summary>
public sealed class VariantSeeder(string connectionString)
{
    private static readonly string[] Owners = [.. Enumerable.Range(1, 50).Select(i => $"user{i:D2}")];
    private static readonly (string Provider, string Model)[] Models =
        [("cursor", "gpt-5.4-xhigh-fast"), ("openai", "gpt-5"), ("openai", "gpt-5-mini"), ("anthropic", "claude-sonnet-4.5")];

    /// <summary>
    /// Inserts <paramref name="count"/> variants in status <c>generating</c>, each with its own run, and returns them:
    /// the API applies a progress event only to the variant whose current generation id is the event's run id.
    /// </summary>
    public async Task<IReadOnlyList<RunningVariant>> InsertGeneratingAsync(int count, string namePrefix)
    {
        var variants = Enumerable.Range(0, count)
            .Select(i => new RunningVariant(
                new VariantKey($"{namePrefix}-{i:D5}", "main", "cursor", "gpt-5.4-xhigh-fast", Owners[i % Owners.Length]),
                Guid.NewGuid()))
            .ToList();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            insert into variants (name, branch, ai_provider, ai_model, owner, repo_url, status, current_stage, generation_id)
            select name, 'main', 'cursor', 'gpt-5.4-xhigh-fast', owner, 'https://example.com/' || owner || '/' || name || '.git',
                   'generating', 'cloning', run_id
            from unnest(@names, @owners, @run_ids) as v(name, owner, run_id)
            """, connection);
        command.Parameters.AddWithValue("names", variants.Select(v => v.Key.Name).ToArray());
        command.Parameters.AddWithValue("owners", variants.Select(v => v.Key.Owner).ToArray());
        command.Parameters.AddWithValue("run_ids", variants.Select(v => v.RunId).ToArray());
        await command.ExecuteNonQueryAsync();
        return variants;
    }

    /// <summary>
    /// Tops the table up to <paramref name="total"/> variants shaped like a busy installation: 50 owners, four models,
    /// mostly ready, some failed or still generating, updated over the last month.
    /// </summary>
    public async Task FillToAsync(int total)
    {
        var missing = total - await CountAsync();
        if (missing <= 0)
        {
            return;
        }
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            insert into variants (name, branch, ai_provider, ai_model, owner, repo_url, status, current_stage, last_commit_sha,
                                  last_generated, page_count, error_message, generation_id, created_at, updated_at)
            select 'project-' || lpad(i::text, 5, '0'),
                   case when i % 3 = 0 then 'dev' else 'main' end,
                   (@providers)[1 + i % 4], (@models)[1 + i % 4],
                   (@owners)[1 + i % 50],
                   'https://example.com/' || (@owners)[1 + i % 50] || '/project-' || lpad(i::text, 5, '0') || '.git',
                   s.status,
                   case when s.status = 'generating' then 'generating_pages' end,
                   md5(i::text) || substr(md5(i::text), 1, 8),
                   case when s.status = 'ready' then now() - (i % 720) * interval '1 hour' end,
                   10 + i % 40,
                   case when s.status = 'error' then 'AI provider timed out after 60 minutes' end,
                   gen_random_uuid(),
                   now() - (i % 720) * interval '1 hour' - interval '1 day',
                   now() - (i % 720) * interval '1 hour'
            from generate_series(1, @missing) as i,
                 lateral (select case when i % 20 = 0 then 'error' when i % 20 = 1 then 'generating' else 'ready' end) as s(status)
            """, connection);
        command.Parameters.AddWithValue("providers", Models.Select(m => m.Provider).ToArray());
        command.Parameters.AddWithValue("models", Models.Select(m => m.Model).ToArray());
        command.Parameters.AddWithValue("owners", Owners);
        command.Parameters.AddWithValue("missing", missing);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Gives every ready variant a documentation plan of about <paramref name="bytes"/> bytes, as real ones have.</summary>
    public async Task SetPlansAsync(int bytes)
    {
        var page = """{"title":"Getting started with the project","path":"getting-started"},""";
        var plan = """{"project_name":"project","navigation":[""" + string.Concat(Enumerable.Repeat(page, Math.Max(1, bytes / page.Length))).TrimEnd(',') + "]}";
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("update variants set plan_json = @plan where status = 'ready'", connection);
        command.Parameters.AddWithValue("plan", plan);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many of the variants named <paramref name="namePrefix"/>-… have applied event <paramref name="sequence"/>.</summary>
    public async Task<long> CountAtSequenceAsync(string namePrefix, long sequence)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from variants where name like @prefix and last_event_seq >= @sequence", connection);
        command.Parameters.AddWithValue("prefix", namePrefix + "-%");
        command.Parameters.AddWithValue("sequence", sequence);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The baseline of the apply scenario: the same conditional update the API used to run for every event, one statement
    /// per event, straight from here with <paramref name="connections"/> connections. What this machine's PostgreSQL does
    /// when nothing batches.
    /// </summary>
    public async Task ApplyOneByOneAsync(IReadOnlyList<RunningVariant> variants, int eventsPerRun, int connections)
    {
        await Parallel.ForEachAsync(variants.Chunk(Math.Max(1, variants.Count / connections)),
            new ParallelOptions { MaxDegreeOfParallelism = connections }, async (chunk, _) =>
            {
                await using var connection = await OpenAsync();
                await using var command = new NpgsqlCommand("""
                    update variants set current_stage = @stage, page_count = @page_count, last_event_seq = @sequence,
                        heartbeat_at = now(), updated_at = now()
                    where generation_id = @run_id and status = 'generating' and last_event_seq < @sequence
                    """, connection);
                var stage = command.Parameters.Add("stage", NpgsqlTypes.NpgsqlDbType.Text);
                var pageCount = command.Parameters.Add("page_count", NpgsqlTypes.NpgsqlDbType.Integer);
                var sequence = command.Parameters.Add("sequence", NpgsqlTypes.NpgsqlDbType.Bigint);
                var runId = command.Parameters.Add("run_id", NpgsqlTypes.NpgsqlDbType.Uuid);
                for (var i = 1; i <= eventsPerRun; i++)
                {
                    foreach (var variant in chunk)
                    {
                        (stage.Value, pageCount.Value, sequence.Value, runId.Value) = ("generating_pages", i, (long)i, variant.RunId);
                        await command.ExecuteNonQueryAsync();
                    }
                }
            });
    }

    /// <summary>Deletes the variants named <paramref name="namePrefix"/>-…, so later scenarios do not carry them.</summary>
    public async Task DeleteAsync(string namePrefix)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("delete from variants where name like @prefix", connection);
        command.Parameters.AddWithValue("prefix", namePrefix + "-%");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Holds every write to the variants table (reads go on) until disposed: a transaction that locks it in share mode.
    /// </summary>
    public async Task<IAsyncDisposable> HoldWritesAsync()
    {
        var connection = await OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("lock table variants in share mode", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        return new WriteHold(connection, transaction);
    }

    private sealed class WriteHold(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.CommitAsync();
            await connection.DisposeAsync();
        }
    }

    public async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from variants", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>A variant row in status <c>generating</c> and the run id its worker events carry.</summary>
public sealed record RunningVariant(VariantKey Key, Guid RunId);
