using Docsfy.Schema;

namespace Docsfy.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>The app host's name for the PostgreSQL database resource.</summary>
    public const string ConnectionName = "docsfydb";

    /// <summary>
    /// Adds the pooled data source for <c>docsfydb</c> (with its health check) and the start-up check that the database
    /// carries this build's schema. The API never migrates: the migration service owns the schema.
    /// </summary>
    public static IHostApplicationBuilder AddDocsfyDatabase(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ConnectionName);
        builder.Services.AddSchemaVersionCheck();
        return builder;
    }
}
