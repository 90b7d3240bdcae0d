using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Cross-cutting defaults every Docsfy service shares: telemetry, health checks, service discovery and resilience.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>Adds OpenTelemetry, default health checks, service discovery and resilient HTTP clients.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        // The OTLP exporters retry by themselves, and they send their last batch while the service container is being
        // disposed, after the resilience pipelines are: through the standard handler that export throws
        // ObjectDisposedException and is retried until its deadline, holding every process's exit for about 5 s (longer,
        // under `dotnet run` and load, than the app host waits for a Stop).
        foreach (var exporter in OtlpExporterClients)
        {
#pragma warning disable EXTEXP0001 // evaluation API; it is the documented way to take the default handler off one client
            builder.Services.AddHttpClient(exporter).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }

        return builder;
    }

    /// <summary>The names under which the OTLP exporters take their HttpClient from the factory.</summary>
    private static readonly string[] OtlpExporterClients = ["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"];

    /// <summary>
    /// Logs, metrics and traces over OTLP. MassTransit and Npgsql publish their own activity sources and meters;
    /// they are named here so a message can be followed from the API through RabbitMQ into the worker and the database.
    /// With Docsfy's own spans (the worker's run, stages and AI calls; the API applying events and fanning them out to
    /// the hub) a run is one trace from <c>POST /api/generate</c> to the browsers (README, "Tracing a run").
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources.MassTransit, TelemetrySources.Npgsql))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources.MassTransit, TelemetrySources.Npgsql)
                .AddSource(TelemetrySources.Docsfy)
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Health probes are noise; and the URL query is dropped so `?token=` never lands in a trace.
                    options.Filter = context => !IsHealthProbe(context.Request.Path);
                    options.EnrichWithHttpRequest = (activity, request) => TelemetryRedaction.RedactQuery(activity);
                })
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Registers the liveness check; services add their readiness checks (database, bus) themselves.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check must pass: ready to serve) and <c>/alive</c> (only the liveness check).
    /// Both answer without authentication and reveal nothing but a status word, plus the reason a service is degraded
    /// (still 200: it serves, but something it needs is missing, such as every worker).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains("live"),
        });

        return app;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);
}
