using Docsfy.Contracts;
using Docsfy.Worker.Checkpoints;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Pipeline;
using Docsfy.Worker.Processes;
using Docsfy.Worker.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Docsfy.Worker.Generation;

public static class WorkerExtensions
{
    /// <summary>
    /// Options from section <c>Worker</c>, with the documented variable names taking precedence where set
    /// (docs/design/configuration.md §3).
    /// </summary>
    public static IHostApplicationBuilder AddGenerationRuns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.MaxConcurrentPages = configuration.GetValue("MAX_CONCURRENT_PAGES", options.MaxConcurrentPages);
                options.AiCliTimeoutMinutes = configuration.GetValue("AI_CLI_TIMEOUT", options.AiCliTimeoutMinutes);
            })
            .Validate(o => o.MaxConcurrentRuns > 0 && o.MaxConcurrentPages > 0 && o.AiCliTimeoutMinutes > 0,
                "Worker:MaxConcurrentRuns, MAX_CONCURRENT_PAGES and AI_CLI_TIMEOUT must be positive.")
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.RunTimeout > TimeSpan.Zero && o.PresenceInterval > TimeSpan.Zero
                           && o.OrphanSweepInterval > TimeSpan.Zero,
                "Worker:HeartbeatInterval, Worker:RunTimeout, Worker:PresenceInterval and Worker:OrphanSweepInterval must be positive.")
            .ValidateOnStart();

        builder.Services.AddSingleton<RunRegistry>();
        builder.Services.AddSingleton<RunGuard>();
        builder.Services.AddSingleton<RunEventSender>();
        builder.Services.AddSingleton<RunHeartbeat>();
        builder.Services.AddSingleton<RunExecutor>();
        builder.Services.AddSingleton<SiteWriter>();
        builder.Services.AddSingleton<DocumentationPipeline>();
        builder.Services.AddSingleton<PageCache>();
        builder.Services.AddSingleton<RunCheckpointStore>();
        builder.Services.AddSingleton<Planner>();
        builder.Services.AddSingleton<IncrementalPlanner>();
        builder.Services.AddSingleton<PageUpdater>();
        builder.Services.AddSingleton<PageWriter>();
        builder.Services.AddSingleton<PageValidator>();
        builder.Services.AddSingleton<Linker>();
        builder.Services.AddSingleton<OfflineDocumenter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<WorkerPresence>();
        builder.Services.AddHostedService<OrphanReaper>();
        return builder;
    }

    /// <summary>Runs and aborts, each on the endpoint its consumer definition describes.</summary>
    public static void AddGenerationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GenerateDocumentationConsumer, GenerateDocumentationConsumerDefinition>();
        bus.AddConsumer<AbortGenerationConsumer, AbortGenerationConsumerDefinition>();
    }

    /// <summary>Stops runs on shutdown; call after the bus is added so it stops first.</summary>
    public static IHostApplicationBuilder AddRunDrain(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<RunDrain>();
        return builder;
    }
}
