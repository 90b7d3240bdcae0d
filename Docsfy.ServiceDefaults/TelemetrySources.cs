namespace Microsoft.Extensions.Hosting;

/// <summary>Names of the activity sources and meters the services subscribe to.</summary>
public static class TelemetrySources
{
    /// <summary>MassTransit's activity source and meter (publish, send, consume).</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>Npgsql's activity source and meter (commands, connection pool).</summary>
    public const string Npgsql = "Npgsql";

    /// <summary>The API's own spans: applying a batch of worker events, the hub's fan-out of a broadcast.</summary>
    public const string Api = "Docsfy.Api";

    /// <summary>The worker's own spans: a run, one per pipeline stage, one per AI call.</summary>
    public const string Worker = "Docsfy.Worker";

    /// <summary>The migration service's span: applying the schema.</summary>
    public const string MigrationService = "Docsfy.MigrationService";

    /// <summary>Every Docsfy source, subscribed to by every service (a service only emits its own).</summary>
    public static readonly string[] Docsfy = [Api, Worker, MigrationService];
}
