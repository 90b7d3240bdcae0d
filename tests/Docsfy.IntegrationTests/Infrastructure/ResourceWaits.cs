namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Waits on resource snapshots, bounded by the caller's token.</summary>
public static class ResourceWaits
{
    private static readonly string[] FailedStates =
        [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished];

    /// <summary>
    /// Waits until each named resource has the given number of running, healthy instances (replicas are separate
    /// instances of one resource). Throws at once when any instance of any resource fails.
    /// </summary>
    public static async Task AllHealthyAsync(DistributedApplication app, IReadOnlyDictionary<string, int> instances,
        CancellationToken cancellationToken)
    {
        var notifications = app.ResourceNotifications;
        var healthy = new Dictionary<string, HashSet<string>>();
        foreach (var name in instances.Keys)
        {
            healthy[name] = [];
        }

        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            var name = update.Resource.Name;
            var state = update.Snapshot.State?.Text;
            if (state is not null && FailedStates.Contains(state) && update.Snapshot.ExitCode is not 0)
            {
                throw new InvalidOperationException(
                    $"Resource '{update.ResourceId}' is {state} (exit code {update.Snapshot.ExitCode?.ToString() ?? "none"}).");
            }
            if (!healthy.TryGetValue(name, out var ready))
            {
                continue;
            }
            if (state == KnownResourceStates.Running && update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                ready.Add(update.ResourceId);
            }
            else
            {
                ready.Remove(update.ResourceId);
            }
            if (instances.All(pair => healthy[pair.Key].Count >= pair.Value))
            {
                return;
            }
        }
    }
}
