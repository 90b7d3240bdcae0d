using Docsfy.Api.Generation.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Docsfy.Api.Generation;

public static class GenerationExtensions
{
    /// <summary>Runs: starting, aborting, applying worker events, and ending the ones nobody works on.</summary>
    public static IHostApplicationBuilder AddDocsfyGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section)
            .Validate(o => o.HeartbeatTimeout > TimeSpan.Zero && o.QueueTimeout > TimeSpan.Zero && o.NoWorkerTimeout > TimeSpan.Zero
                           && o.WatchdogInterval > TimeSpan.Zero,
                "Generation timeouts and the watchdog interval must be positive.")
            .Validate(o => o.MaxTakeovers is >= 0 and <= GenerationOptions.MaxTakeoversLimit
                           && o.MaxHandBacks is >= 0 and <= GenerationOptions.MaxTakeoversLimit,
                $"Generation:MaxTakeovers and Generation:MaxHandBacks must be between 0 and {GenerationOptions.MaxTakeoversLimit}.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<RunTakeoverStore>();
        builder.Services.AddSingleton<RunLifecycle>();
        builder.Services.AddSingleton<VariantEventStore>();
        builder.Services.AddSingleton<RunEventApplier>();
        builder.Services.AddSingleton<ReplicaMembership>();
        builder.Services.AddSingleton<EventListening>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunEventPartitions>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunEventPartitions>());
        builder.Services.AddHostedService<RunWatchdog>();
        return builder;
    }
}
