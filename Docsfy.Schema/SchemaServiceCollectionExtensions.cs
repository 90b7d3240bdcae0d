using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.Schema;

public static class SchemaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the start-up check that the database carries at least this build's schema (<see cref="SchemaVersionCheck"/>).
    /// Register it before anything that touches the database or the bus, so it runs first.
    /// </summary>
    public static IServiceCollection AddSchemaVersionCheck(this IServiceCollection services) =>
        services.AddHostedService<SchemaVersionCheck>();
}
