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
        await using var command = dataSource.CreateCommand("""
            select case when to_regclass('schema_migrations') is null then null
                        else (select max(version) from schema_migrations) end
            """);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is int version ? version : null;
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
