namespace Docsfy.Schema;

/// <summary>The database is older than the service that connected to it; the message says what to run.</summary>
public sealed class SchemaOutdatedException(int? current, int expected) : Exception(
    $"The database schema is at version {current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (never migrated)"}, "
    + $"but this build needs version {expected}. The migration service (Docsfy.MigrationService, which the app host runs "
    + "to completion before the API and the worker) applies the schema; run it against this database first.")
{
    public int? Current { get; } = current;

    public int Expected { get; } = expected;
}
