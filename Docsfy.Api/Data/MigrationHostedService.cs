namespace Docsfy.Api.Data;

/// <summary>
/// Runs the migrations before the server accepts requests (hosted services start before Kestrel), retrying within a
/// bound while the database is still coming up.
/// </summary>
public sealed class MigrationHostedService(Migrator migrator, ILogger<MigrationHostedService> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int MaxAttempts = 30;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (Npgsql.NpgsqlException exception) when (attempt < MaxAttempts && exception.IsTransient)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt} of {MaxAttempts}): {Reason}",
                    attempt, MaxAttempts, exception.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
