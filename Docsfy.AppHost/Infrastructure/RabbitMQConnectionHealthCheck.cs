using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>
/// Healthy once an AMQP connection opens (handshake and login). DCP's proxy accepts TCP before the broker has booted,
/// so only the protocol tells whether MassTransit will be able to connect.
/// </summary>
internal sealed class RabbitMQConnectionHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString!),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                AutomaticRecoveryEnabled = false,
            };

            await using var connection = await factory.CreateConnectionAsync("docsfy-apphost-health", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
    }
}
