using System.Runtime.Versioning;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>First-start work for a local PostgreSQL: initdb before it starts, databases once it answers.</summary>
[UnsupportedOSPlatform("windows")] // Debian paths, setpriv and Unix file modes
internal static class LocalPostgresSetup
{
    /// <summary>
    /// Runs initdb when the cluster folder is new. Password (scram) authentication, not trust: any local user could
    /// otherwise connect to the loopback port as the superuser.
    /// </summary>
    public static async Task InitializeClusterAsync(
        LocalPostgresServerResource server, string binDirectory, string? setPriv, ILogger logger, CancellationToken cancellationToken)
    {
        var dataDirectory = server.DataDirectory;
        dataDirectory.EnsureCreated();
        await server.Password.GetValueAsync(cancellationToken); // creates the password file on first start

        var pgData = dataDirectory.PostgresData;
        if (File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            logger.LogInformation("Using the existing PostgreSQL cluster in {PgData}.", pgData);
            return;
        }

        if (Directory.Exists(pgData) && Directory.EnumerateFileSystemEntries(pgData).Any())
        {
            throw new InvalidOperationException(
                $"{pgData} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Move it away or choose another Infrastructure:DataDir.");
        }

        Directory.CreateDirectory(pgData, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var initdb = new List<string>();
        if (setPriv is not null)
        {
            // The postgres user must own the cluster and be able to read the password file for initdb.
            await ProcessRunner.RunAsync("/bin/chown", ["postgres:postgres", pgData, dataDirectory.PostgresPasswordFile], logger, cancellationToken);
            initdb.AddRange(["--reuid=postgres", "--regid=postgres", "--init-groups"]);
        }

        initdb.AddRange([
            Path.Combine(binDirectory, "initdb"),
            "--pgdata", pgData,
            "--username", LocalPostgresServerResource.UserName,
            "--pwfile", dataDirectory.PostgresPasswordFile,
            "--auth", "scram-sha-256",
            "--encoding", "UTF8",
            "--no-locale",
        ]);
        if (dataDirectory.IsEphemeral)
        {
            initdb.Add("--no-sync");
        }

        logger.LogInformation("Initializing a new PostgreSQL cluster in {PgData}.", pgData);
        await ProcessRunner.RunAsync(setPriv ?? initdb[0], setPriv is null ? initdb[1..] : initdb, logger, cancellationToken);
    }

    /// <summary>
    /// Creates each database that does not exist yet, then marks it running. Done once the server answers (rather
    /// than with <c>postgres --single</c> before it starts) so it also covers a cluster that predates a new database.
    /// </summary>
    public static async Task CreateDatabasesAsync(LocalPostgresServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var loggers = services.GetRequiredService<ResourceLoggerService>();
        var connectionString = new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
        {
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;

        foreach (var database in server.Databases.Values)
        {
            var logger = loggers.GetLogger(database);
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);

                await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
                exists.Parameters.Add(new NpgsqlParameter { Value = database.DatabaseName });
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"") + "\"";
                    await using var create = new NpgsqlCommand($"create database {quoted}", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                    logger.LogInformation("Created database {Database}.", database.DatabaseName);
                }

                await notifications.PublishUpdateAsync(database, state => state with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
            catch (NpgsqlException e)
            {
                logger.LogError(e, "Could not create database {Database}.", database.DatabaseName);
                await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.FailedToStart });
            }
        }
    }
}
