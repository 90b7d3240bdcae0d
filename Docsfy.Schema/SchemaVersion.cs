using Npgsql;

namespace Docsfy.Schema;

/// <summary>
/// What a service checks at start instead of migrating itself: the database must carry at least the schema this build
/// was written against. A newer schema is fine (migrations only add), so an older replica keeps serving while a newer
/// release's migration service has already run.
/// </summary>
public static class SchemaVersion
{
    /// <summary>The highest applied migration, or null when the database has never been migrated.</summary>
    public static async Task<int?> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // Two statements: PostgreSQL resolves every table a statement names before running any of it, so a query that
        // only reads schema_migrations when it exists still fails on a database that has none.
        await using var exists = dataSource.CreateCommand("select to_regclass('schema_migrations') is not null");
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return null;
        }
        await using var latest = dataSource.CreateCommand("select max(version) from schema_migrations");
        return await latest.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
    }

    /// <summary>Throws <see cref="SchemaOutdatedException"/> when the database is older than <paramref name="expected"/>.</summary>
    public static async Task EnsureAtLeastAsync(NpgsqlDataSource dataSource, int expected, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(dataSource, cancellationToken);
        if (current is null || current < expected)
        {
            throw new SchemaOutdatedException(current, expected);
        }
    }
}
