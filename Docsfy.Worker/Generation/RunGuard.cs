using Npgsql;

namespace Docsfy.Worker.Generation;

/// <summary>
/// Asks the database whether a run is still the variant's current, generating run. The API owns that state: a run it
/// aborted, timed out, replaced or taken over (it is then another attempt's, docs/design/pipeline.md §12) must stop here
/// too, even if the abort message never reached this worker.
/// </summary>
public sealed class RunGuard(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsCurrentAsync(Guid runId, int attempt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select exists (select 1 from variants
                           where generation_id = @run_id and status = 'generating' and run_attempt = @attempt)
            """);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("attempt", attempt);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
