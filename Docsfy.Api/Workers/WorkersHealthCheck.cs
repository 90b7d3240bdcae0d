using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docsfy.Api.Workers;

/// <summary>
/// Degraded, with the reason, while no worker is alive: the API still serves everything, but runs will wait. Degraded
/// keeps <c>/health</c> at 200, so orchestrators do not restart an API that is fine.
/// </summary>
public sealed class WorkersHealthCheck(WorkerRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alive = registry.Alive();
        return Task.FromResult(alive.Count > 0
            ? HealthCheckResult.Healthy($"{alive.Count} worker(s) alive.")
            : HealthCheckResult.Degraded("No worker is alive: new runs wait until one starts."));
    }
}
