using System.Globalization;
using System.Text.RegularExpressions;
using Docsfy.IntegrationTests.Infrastructure;
using Docsfy.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Docsfy.IntegrationTests.Topology;

/// <summary>
/// The schema has one owner: the migration service applies it and exits before the API replicas and the worker start,
/// and they only check that the database is not older than they are.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed partial class SchemaOwnershipTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_migration_service_applied_every_migration_once_and_exited_0_and_no_api_replica_migrated()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var finished = await fixture.Host.App.ResourceNotifications.WaitForResourceAsync("migrations",
            update => update.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);
        Assert.Equal(0, finished.Snapshot.ExitCode);

        var applied = fixture.Host.Logs.Lines.Select(line => AppliedMigration().Match(line)).Where(match => match.Success).ToList();
        Assert.All(applied, match => Assert.StartsWith("migrations", match.Groups[1].Value, StringComparison.Ordinal));
        Assert.Equal(Migration.All.Select(m => m.Version),
            applied.Select(match => int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(Migration.All.Count, await VariantRows.CountAsync(fixture.Host, "select count(*) from schema_migrations"));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_a_fresh_database_once_and_the_version_check_refuses_an_older_one()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var database = $"schema_{Guid.NewGuid():N}";
        var server = await fixture.Host.DatabaseConnectionStringAsync();
        await ExecuteAsync(server, $"create database {database}", timeout.Token);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);

            // Never migrated: a service refuses to start, saying what to run.
            Assert.Null(await SchemaVersion.ReadAsync(dataSource, timeout.Token));
            var refused = await Assert.ThrowsAsync<SchemaOutdatedException>(
                () => SchemaVersion.EnsureAtLeastAsync(dataSource, Migration.LatestVersion, timeout.Token));
            Assert.Contains("never migrated", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Docsfy.MigrationService", refused.Message, StringComparison.Ordinal);

            // Two migrators at once (two app hosts on shared servers, an operator's manual run): the advisory lock lets
            // one apply everything and the other find nothing left.
            var migrators = Enumerable.Range(0, 2).Select(_ => new Migrator(dataSource, NullLogger<Migrator>.Instance)).ToList();
            var appliedCounts = await Task.WhenAll(migrators.Select(m => m.MigrateAsync(timeout.Token)));
            Assert.Equal([0, Migration.All.Count], appliedCounts.Order());
            Assert.Equal(Migration.LatestVersion, await SchemaVersion.ReadAsync(dataSource, timeout.Token));
            await SchemaVersion.EnsureAtLeastAsync(dataSource, Migration.LatestVersion, timeout.Token);
            Assert.Equal(0, await migrators[0].MigrateAsync(timeout.Token));

            // One version behind (a newer build against an older database): refused, naming both versions.
            await ExecuteAsync(connectionString, $"delete from schema_migrations where version = {Migration.LatestVersion}", timeout.Token);
            var behind = await Assert.ThrowsAsync<SchemaOutdatedException>(
                () => SchemaVersion.EnsureAtLeastAsync(dataSource, Migration.LatestVersion, timeout.Token));
            Assert.Equal(Migration.LatestVersion - 1, behind.Current);
            Assert.Contains($"version {Migration.LatestVersion - 1}", behind.Message, StringComparison.Ordinal);
            Assert.Contains($"needs version {Migration.LatestVersion}", behind.Message, StringComparison.Ordinal);
            // An older build against this newer database is fine: migrations only add.
            await SchemaVersion.EnsureAtLeastAsync(dataSource, Migration.LatestVersion - 1, timeout.Token);
        }
        finally
        {
            await ExecuteAsync(server, $"drop database if exists {database} with (force)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"\A\[([^\]]+)\] .*Applied migration (\d+) ")]
    private static partial Regex AppliedMigration();
}
