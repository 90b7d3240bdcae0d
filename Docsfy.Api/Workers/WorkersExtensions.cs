using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Docsfy.Api.Workers;

public static class WorkersExtensions
{
    /// <summary>Which workers are alive, the health check that says so, and its options (section <c>Workers</c>).</summary>
    public static IHostApplicationBuilder AddDocsfyWorkers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerPresenceOptions>().BindConfiguration(WorkerPresenceOptions.Section)
            .Validate(o => o.PresenceTimeout > TimeSpan.Zero, "Workers:PresenceTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkerRegistry>();
        builder.Services.AddHealthChecks().AddCheck<WorkersHealthCheck>("workers");
        return builder;
    }

    /// <summary>The workers' announcements; call inside the API's bus registration.</summary>
    public static void AddWorkerPresenceConsumer(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<WorkerPresenceConsumer, WorkerPresenceConsumerDefinition>();
}
