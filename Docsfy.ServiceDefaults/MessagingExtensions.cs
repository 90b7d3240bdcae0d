using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>MassTransit over the RabbitMQ resource that the app host names <c>messaging</c>.</summary>
public static class MessagingExtensions
{
    /// <summary>The app host's resource name for the broker; the connection string is <c>ConnectionStrings:messaging</c>.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Adds the Aspire RabbitMQ client (a protocol-level health check and broker telemetry) and a MassTransit bus on the
    /// same broker. The host does not finish starting until the bus is connected, so a running service is a connected one.
    /// </summary>
    public static TBuilder AddDocsfyMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator> configure)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Start Docsfy through the app host, or set it to an amqp:// URL.");

        builder.AddRabbitMQClient(ConnectionName);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromMinutes(1);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        return builder;
    }
}
