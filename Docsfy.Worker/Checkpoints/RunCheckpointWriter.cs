using Npgsql;

namespace Docsfy.Worker.Checkpoints;

/// <summary>
/// One attempt's writes to its run's checkpoint. Best effort: a write the database refuses or cannot take now is
/// logged and the run goes on (a later attempt then redoes that part); a write refused because the run moved on
/// changes nothing, and the run's heartbeat stops it soon after.
/// </summary>
public sealed class RunCheckpointWriter(RunCheckpointStore store, Guid runId, int attempt, ILogger logger) : IRunCheckpoint
{
    public Task CommitAsync(string commitSha, CancellationToken cancellationToken) =>
        TryAsync("commit", token => store.SaveCommitAsync(runId, attempt, commitSha, token), cancellationToken);

    public Task PlanAsync(string planJson, IReadOnlyList<string>? rewrite, CancellationToken cancellationToken) =>
        TryAsync("plan", token => store.SavePlanAsync(runId, attempt, planJson, rewrite, token), cancellationToken);

    public Task PageAsync(string slug, string markdown, CancellationToken cancellationToken) =>
        TryAsync("page", token => store.SavePageAsync(runId, attempt, slug, markdown, token), cancellationToken);

    private async Task TryAsync(string what, Func<CancellationToken, Task<bool>> save, CancellationToken cancellationToken)
    {
        try
        {
            if (!await save(cancellationToken))
            {
                logger.LogDebug("Run {RunId} attempt {Attempt}: {What} not checkpointed (recorded already, or the run moved on)",
                    runId, attempt, what);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(exception, "Run {RunId} attempt {Attempt}: could not checkpoint its {What}", runId, attempt, what);
        }
    }
}
