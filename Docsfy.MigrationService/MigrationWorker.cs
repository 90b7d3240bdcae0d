using System.Diagnostics;
using Docsfy.Schema;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Docsfy.MigrationService;

/// <summary>
/// Applies the schema once and stops the process: exit code 0 when the database is at <see cref="Migration.LatestVersion"/>,
/// 1 otherwise. The app host starts the API and the worker only after a 0 (<c>WaitForCompletion</c>), so neither ever
/// sees a database older than itself.
/// </summary>
public sealed class MigrationWorker(Migrator migrator, NpgsqlDataSource dataSource, IOptions<MigrationOptions> options,
    IHostApplicationLifetime lifetime, ILogger<MigrationWorker> logger) : BackgroundService
{
    /// <summary>The app host's name for the PostgreSQL database resource.</summary>
    public const string ConnectionName = "docsfydb";

    public static readonly ActivitySource Source = new(TelemetrySources.MigrationService);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("migrate database");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var applied = await MigrateWithRetriesAsync(timeout.Token);
            var version = await SchemaVersion.ReadAsync(dataSource, timeout.Token);
            activity?.SetTag("docsfy.schema.version", version);
            activity?.SetTag("docsfy.migrations.applied", applied);
            logger.LogInformation("The database schema is at version {Version} ({Applied} migrations applied now)", version, applied);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            logger.LogError(exception, "Migrating the database failed within {Timeout}", options.Value.Timeout);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    /// <summary>The database may still be coming up (external servers, a restart): transient failures are retried.</summary>
    private async Task<int> MigrateWithRetriesAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await migrator.MigrateAsync(cancellationToken);
            }
            catch (NpgsqlException exception) when (exception.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Reason}", attempt, exception.Message);
                await Task.Delay(options.Value.RetryDelay, cancellationToken);
            }
        }
    }
}
