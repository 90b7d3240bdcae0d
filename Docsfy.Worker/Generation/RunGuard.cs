using Npgsql;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Asks the database whether a run is still the variant's current, generating run. The API owns that state: a run it
/// aborted, timed out, replaced or taken over (it is then another attempt's, docs/design/pipeline.md §12) must stop here
/// too, even if the abort message never reached this worker.
/// </summary>
public sealed class RunGuard(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// SQL: run <c>@run_id</c> is generating at attempt <c>@attempt</c>. Every write a worker makes for a run (its
    /// checkpoint included) is fenced by this same condition.
    /// </summary>
    internal const string IsCurrentCondition = """
        exists (select 1 from variants v
                where v.generation_id = @run_id and v.status = 'generating' and v.run_attempt = @attempt)
        """;

    public async Task<bool> IsCurrentAsync(Guid runId, int attempt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {IsCurrentCondition}");
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("attempt", attempt);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
