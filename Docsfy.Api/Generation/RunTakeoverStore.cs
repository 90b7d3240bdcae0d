using System.Text.Json;
using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Generation;

/// <summary>
/// Hands runs whose worker was lost to the next worker (docs/design/pipeline.md §12). A takeover is one conditional
/// statement: the run is still generating (an abort always wins), still at the attempt whose worker was lost, has a
/// checkpoint to continue from, and has not been taken over that way as often as allowed yet: <c>Generation:MaxTakeovers</c>
/// times after its worker went silent (<c>run_losses</c>), <c>Generation:MaxHandBacks</c> times after it was handed back
/// by a worker shutting down. It raises the run's attempt, so from then on only the new attempt's events, heartbeats and
/// checkpoint writes count, and makes the run wait for a worker again (no heartbeat yet), under the same queue and
/// no-worker timeouts as a new run.
/// </summary>
public sealed class RunTakeoverStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What a run that lost its worker too often ends with (SQL, reading the row's <c>run_losses</c>).</summary>
    internal const string LostTooOftenText =
        "'The worker running this generation was lost ' || (run_losses + 1) || ' times (a run is taken over at most ' || run_losses || ' times). Generate again.'";

    /// <summary>What a run handed back too often ends with (SQL, reading the row: attempts that were not losses).</summary>
    private const string HandedBackTooOftenText =
        "'The worker running this generation stopped ' || (run_attempt - run_losses) || ' times during the run (a run is handed on at most ' || (run_attempt - 1 - run_losses) || ' times). Generate again.'";

    /// <summary>
    /// Records the command a new run was sent with, as its checkpoint, so a takeover can send it again. Only while the
    /// run is generating: a run that already ended needs none.
    /// </summary>
    public async Task RecordAsync(GenerateDocumentation command, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand("""
            insert into run_checkpoints (generation_id, command)
            select @run_id, @command::jsonb
            where exists (select 1 from variants where generation_id = @run_id and status = 'generating')
            on conflict (generation_id) do nothing
            """);
        insert.Parameters.AddWithValue("run_id", command.RunId);
        insert.Parameters.AddWithValue("command", JsonSerializer.Serialize(command, Json));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// SQL: the variant row <paramref name="row"/>, whose worker went silent, may still be taken over (its worker was
    /// lost fewer than <c>@max_takeovers</c> times before, and it has a checkpoint to continue from). The takeover
    /// requires it; the stuck-run sweep leaves such runs to the takeover (<see cref="RunStore.EndStuckRunsAsync"/>), so
    /// the two can never disagree.
    /// </summary>
    internal static string MayBeTakenOver(string row) =>
        $"{row}.run_losses < @max_takeovers and {HasCheckpoint(row)}";

    /// <summary>SQL: the row, handed back by its worker, may still be handed on (fewer than <c>@max_hand_backs</c> times).</summary>
    private static string MayBeHandedOn(string row) =>
        $"{row}.run_attempt - 1 - {row}.run_losses < @max_hand_backs and {HasCheckpoint(row)}";

    private static string HasCheckpoint(string row) =>
        $"exists (select 1 from run_checkpoints c where c.generation_id = {row}.generation_id)";

    /// <summary>Takes over every run whose heartbeats stopped more than <paramref name="heartbeatTimeout"/> ago.</summary>
    public async Task<IReadOnlyList<TakenOverRun>> TakeOverSilentAsync(TimeSpan heartbeatTimeout, int maxTakeovers,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(TakeOverSql(
            $"v.heartbeat_at < now() - @heartbeat_timeout and {MayBeTakenOver("v")}", loss: true, "Resumed after the worker was lost"));
        command.Parameters.AddWithValue("heartbeat_timeout", heartbeatTimeout);
        command.Parameters.AddWithValue("max_takeovers", maxTakeovers);
        return await ReadTakenOverAsync(command, cancellationToken);
    }

    /// <summary>
    /// Takes over a run its worker gave back on shutting down, at once; or, when it was already handed back as often as
    /// allowed, ends it. Nothing when the run ended or moved to another attempt meanwhile.
    /// </summary>
    public async Task<HandBackResult> HandBackAsync(GenerationHandedBack handedBack, int maxHandBacks,
        CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand(TakeOverSql(
            $"v.generation_id = @run_id and v.run_attempt = @attempt and {MayBeHandedOn("v")}", loss: false,
            "Resumed after the worker stopped")))
        {
            command.Parameters.AddWithValue("run_id", handedBack.RunId);
            command.Parameters.AddWithValue("attempt", handedBack.Attempt);
            command.Parameters.AddWithValue("max_hand_backs", maxHandBacks);
            if (await ReadTakenOverAsync(command, cancellationToken) is [var taken])
            {
                return new HandBackResult(taken, null);
            }
        }
        await using var end = dataSource.CreateCommand($"""
            update variants
            set status = 'error', current_stage = null, updated_at = now(),
                error_message = case when run_attempt - 1 - run_losses > 0 then {HandedBackTooOftenText}
                    else 'The worker running this generation stopped during the run. Generate again.' end
            where generation_id = @run_id and run_attempt = @attempt and status = 'generating'
            returning {RunStore.EndedColumns}
            """);
        end.Parameters.AddWithValue("run_id", handedBack.RunId);
        end.Parameters.AddWithValue("attempt", handedBack.Attempt);
        var ended = await RunStore.ReadEndedAsync(end, cancellationToken);
        return new HandBackResult(null, ended.Count == 0 ? null : ended[0]);
    }

    /// <summary>
    /// One statement per takeover: the rows are locked and skipped by any other replica sweeping at the same moment, and
    /// the new sequence number (one past the newest applied) is the resumed <c>progress</c> clients see; the next
    /// attempt's events continue after it.
    /// </summary>
    private static string TakeOverSql(string which, bool loss, string resumedText) => $"""
        with lost as (
            select v.id from variants v
            where {which} and v.status = 'generating'
            for update of v skip locked)
        update variants v
        set run_attempt = v.run_attempt + 1, run_losses = v.run_losses + {(loss ? 1 : 0)}, heartbeat_at = null,
            updated_at = now(), last_event_seq = v.last_event_seq + 1,
            error_message = '{resumedText} (attempt ' || (v.run_attempt + 1) || ').'
        from lost, run_checkpoints c
        where v.id = lost.id and c.generation_id = v.generation_id
        returning v.name, v.branch, v.ai_provider, v.ai_model, v.owner, v.generation_id, v.run_attempt,
                  coalesce(v.current_stage, '{RunStage.Cloning}'), v.page_count, v.plan_json, v.last_event_seq,
                  v.error_message, c.command::text
        """;

    private static async Task<IReadOnlyList<TakenOverRun>> ReadTakenOverAsync(NpgsqlCommand command,
        CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var taken = new List<TakenOverRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var variant = new VariantKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4));
            var runId = reader.GetGuid(5);
            var attempt = reader.GetInt32(6);
            var resumed = new GenerationProgressed(variant, runId, reader.GetInt64(10), reader.GetString(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(11), attempt);
            // Written by this API from a command it sent; the run is the row's own, whatever the stored text says.
            var sent = JsonSerializer.Deserialize<GenerateDocumentation>(reader.GetString(12), Json);
            taken.Add(new TakenOverRun(resumed, sent is null ? null : sent with { Variant = variant, RunId = runId, Attempt = attempt }));
        }
        return taken;
    }
}

/// <summary>
/// A run handed to its next attempt: the resumed <c>progress</c> its viewers get, and the command to send (null when the
/// stored one could not be read, so the run cannot be sent and is ended instead).
/// </summary>
public sealed record TakenOverRun(GenerationProgressed Resumed, GenerateDocumentation? Command);

/// <summary>What a hand-back did: took the run over, ended it (taken over too often), or neither (it had moved on).</summary>
public sealed record HandBackResult(TakenOverRun? TakenOver, GenerationFinished? Ended);
