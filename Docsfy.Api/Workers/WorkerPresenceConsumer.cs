using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Workers;

/// <summary>Keeps <see cref="WorkerRegistry"/> current from the workers' announcements; malformed ones are dropped.</summary>
public sealed class WorkerPresenceConsumer(WorkerRegistry registry, ILogger<WorkerPresenceConsumer> logger)
    : IConsumer<WorkerAlive>, IConsumer<WorkerStopping>
{
    private const int MaxTextLength = 200;

    public Task Consume(ConsumeContext<WorkerAlive> context)
    {
        var report = context.Message;
        if (!IsPlausible(report.WorkerId) || !IsPlausible(report.Host) || report.RunsInProgress < 0 || report.MaxConcurrentRuns < 0
            || report.Providers is null)
        {
            logger.LogWarning("Dropped a malformed worker announcement");
            return Task.CompletedTask;
        }
        // Only names the API knows, once each: the list is shown to admins and used to decide what can run.
        registry.Heard(report with { Providers = [.. AiProviderName.All.Where(report.Providers.Contains)] });
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<WorkerStopping> context)
    {
        if (IsPlausible(context.Message.WorkerId))
        {
            registry.Stopped(context.Message.WorkerId);
            logger.LogInformation("Worker {WorkerId} stopped", context.Message.WorkerId);
        }
        return Task.CompletedTask;
    }

    private static bool IsPlausible(string? text) =>
        text is { Length: > 0 and <= MaxTextLength } && !text.Any(char.IsControl);
}
