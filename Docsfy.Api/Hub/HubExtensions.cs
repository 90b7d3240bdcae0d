using System.Net.WebSockets;
using MassTransit;

namespace Docsfy.Api.Hub;

public static class HubExtensions
{
    /// <summary>The hub's services and its two MassTransit endpoints: shared worker events and this replica's broadcasts.</summary>
    public static IHostApplicationBuilder AddDocsfyHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section)
            .Validate(o => o.PingInterval > TimeSpan.Zero && o.PongTimeout > TimeSpan.Zero && o.PongTimeout < o.PingInterval
                           && o.MaxMissedPongs > 0 && o.SendQueueCapacity > 0 && o.MaxInboundMessageBytes >= 64,
                "Hub timings and limits must be positive, and PongTimeout shorter than PingInterval.")
            .ValidateOnStart();
        builder.Services.AddSingleton<HubConnectionRegistry>();
        builder.Services.AddSingleton<SyncSnapshots>();
        builder.Services.AddHostedService<HubHeartbeat>();
        builder.Services.AddSingleton<HubSync>();
        builder.Services.AddSingleton<HubNotifier>();
        builder.Services.AddSingleton<RunSequenceTracker>();
        builder.Services.AddReceiveEndpointObserver<BrokerReconnectObserver>();
        return builder;
    }

    public static void AddHubConsumers(this IBusRegistrationConfigurator bus)
    {
        // Worker events do not come through MassTransit's endpoints: RunEventPartitions consumes their partition
        // queues in batches.
        bus.AddConsumer<HubBroadcastConsumer, HubBroadcastConsumerDefinition>();
    }

    /// <summary>
    /// WebSockets on, <c>/api/ws</c> served right here (see <see cref="HubEndpoint.UseHubBranch"/>), and sockets closed
    /// with 1001 at shutdown so clients reconnect to another replica.
    /// </summary>
    public static WebApplication UseDocsfyHub(this WebApplication app)
    {
        // The hub sends its own ping messages; protocol-level keep-alive pings would only add traffic.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Use((context, next) =>
        {
            context.Response.Headers[ReplicaIdentity.HeaderName] = ReplicaIdentity.Id;
            return next(context);
        });
        app.UseHubBranch();
        var registry = app.Services.GetRequiredService<HubConnectionRegistry>();
        app.Lifetime.ApplicationStopping.Register(() => registry.CloseAll(WebSocketCloseStatus.EndpointUnavailable));
        return app;
    }
}
