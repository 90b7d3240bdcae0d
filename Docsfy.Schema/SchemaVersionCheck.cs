using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Docsfy.Schema;

/// <summary>
/// Refuses to start a service (the API, the worker) on a database older than this build: hosted services start before
/// Kestrel and before the bus, so no request or message is ever handled against a missing table. It does not migrate:
/// the migration service owns the schema, and replicas starting together only read. The database may still be coming
/// up, so transient failures are retried within a bound.
/// </summary>
public sealed class SchemaVersionCheck(NpgsqlDataSource dataSource, ILogger<SchemaVersionCheck> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int MaxAttempts = 30;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SchemaVersion.EnsureAtLeastAsync(dataSource, Migration.LatestVersion, cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (attempt < MaxAttempts && exception.IsTransient)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt} of {MaxAttempts}): {Reason}",
                    attempt, MaxAttempts, exception.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (SchemaOutdatedException exception)
            {
                logger.LogCritical("{Problem}", exception.Message);
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
