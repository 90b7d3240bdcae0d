using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// The real app host with one API replica, started the way the integration tests start it (local PostgreSQL and
/// RabbitMQ executables, an ephemeral data folder), except that the API's http endpoint is not proxied: clients connect
/// straight to the API process, so DCP's proxy neither doubles the socket count nor adds its own CPU to the figures.
/// </summary>
public sealed class BenchAppHost : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private BenchAppHost(DistributedApplication app) => App = app;

    public DistributedApplication App { get; }

    public Uri ApiBaseAddress => App.GetEndpoint("api", "http");

    public Uri HubUri => new UriBuilder(ApiBaseAddress)
    {
        Scheme = "ws",
        Path = "/api/ws",
        Query = $"token={Uri.EscapeDataString(AdminKey)}",
    }.Uri;

    /// <param name="ai">The scripted AI the worker runs as provider <c>claude</c> (used by the pipeline scenario).</param>
    public static async Task<BenchAppHost> StartAsync(ScriptedAi ai, int apiReplicas = 1)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        string[] args =
        [
            "--Infrastructure:Mode=local",
            "--Infrastructure:Ephemeral=true",
            $"--Parameters:admin-key={AdminKey}",
            $"--Api:Replicas={apiReplicas}",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Docsfy_AppHost>(
            args, (options, _) => options.DisableDashboard = true, timeout.Token);
        // Health checks fail by design until PostgreSQL and RabbitMQ have started; the waits below report real failures.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            // Resource output (PostgreSQL logs to stderr, which arrives as errors) would drown the bench's own lines.
            .AddFilter("Docsfy.AppHost.Resources", LogLevel.None));
        // Heartbeat and every other hub option stay at their defaults; only the endpoint bypasses the proxy, on a free
        // port (not the 8000 of launchSettings, where a development instance may be running).
        // With several replicas the proxy must stay (they cannot share one port); only the apply scenario uses that, and
        // it never connects to the API.
        var port = RawHub.FreePort();
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEndpoint("http", endpoint =>
            {
                endpoint.IsProxied = apiReplicas > 1;
                endpoint.Port = apiReplicas > 1 ? null : port;
                endpoint.TargetPort = apiReplicas > 1 ? null : port;
            })
            // With the dashboard off nothing listens on the OTLP endpoint Aspire hands the API: every export would fail
            // and be retried, a cost no deployment with a collector pays. Telemetry is still produced, just not sent.
            .WithEnvironment(environment => environment.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var worker = builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment(environment => environment.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        ai.ConfigureWorker(worker);

        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            await ResourceWaits.AllHealthyAsync(app, ["api", "worker"], timeout.Token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new BenchAppHost(app);
    }

    /// <summary>
    /// Restarts the worker (Aspire evaluates its environment again, so settings such as the AI's delay take effect) and
    /// waits until the new process is healthy.
    /// </summary>
    public async Task RestartWorkerAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var requestedAt = DateTime.UtcNow;
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync("worker", KnownResourceCommands.RestartCommand, timeout.Token);
        if (!result.Success)
        {
            throw new InvalidOperationException($"The worker did not restart: {result.Message}");
        }
        await ResourceWaits.HealthyStartedAfterAsync(App, "worker", requestedAt, timeout.Token);
    }

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
