using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docsfy.Bench.Infrastructure;

/// <summary>Waits until named resources are running and healthy; fails at once when one of them fails to start.</summary>
public static class ResourceWaits
{
    private static readonly string[] FailedStates =
        [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished];

    public static async Task AllHealthyAsync(DistributedApplication app, IReadOnlyCollection<string> names,
        CancellationToken cancellationToken)
    {
        var healthy = new HashSet<string>();
        await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            var state = update.Snapshot.State?.Text;
            if (state is not null && FailedStates.Contains(state) && update.Snapshot.ExitCode is not 0)
            {
                throw new InvalidOperationException($"Resource '{update.ResourceId}' is {state}.");
            }
            if (!names.Contains(update.Resource.Name))
            {
                continue;
            }
            if (state == KnownResourceStates.Running && update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                healthy.Add(update.Resource.Name);
            }
            if (healthy.Count == names.Count)
            {
                return;
            }
        }
    }

    /// <summary>Waits until <paramref name="name"/> runs healthy in a process started after <paramref name="after"/>.</summary>
    public static async Task HealthyStartedAfterAsync(DistributedApplication app, string name, DateTime after,
        CancellationToken cancellationToken)
    {
        await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            var snapshot = update.Snapshot;
            if (update.Resource.Name == name && snapshot.State?.Text == KnownResourceStates.Running
                && snapshot.HealthStatus == HealthStatus.Healthy && snapshot.StartTimeStamp > after)
            {
                return;
            }
        }
    }
}
