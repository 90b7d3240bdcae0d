namespace Docsfy.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>The app host's name for the PostgreSQL database resource.</summary>
    public const string ConnectionName = "docsfydb";

    /// <summary>Adds the pooled data source for <c>docsfydb</c> (with its health check) and the start-up migrations.</summary>
    public static IHostApplicationBuilder AddDocsfyDatabase(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ConnectionName);
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddHostedService<MigrationHostedService>();
        return builder;
    }
}
