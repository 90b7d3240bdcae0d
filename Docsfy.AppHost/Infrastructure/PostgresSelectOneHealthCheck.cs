using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>
/// Healthy once <c>select 1</c> succeeds on the resource's database. DCP's proxy accepts connections before PostgreSQL
/// listens, so an open port proves nothing; a query does.
/// </summary>
internal sealed class PostgresSelectOneHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            var builder = new NpgsqlConnectionStringBuilder(connectionString)
            {
                // No pool: an idle pooled connection would hold up PostgreSQL's smart shutdown when the app host stops.
                Pooling = false,
                Timeout = 5,
            };

            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
    }
}
