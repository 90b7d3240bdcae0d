namespace Microsoft.Extensions.Hosting;

/// <summary>Names of the activity sources and meters the services subscribe to.</summary>
public static class TelemetrySources
{
    /// <summary>MassTransit's activity source and meter (publish, send, consume).</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>Npgsql's activity source and meter (commands, connection pool).</summary>
    public const string Npgsql = "Npgsql";

    /// <summary>Docsfy's own spans and instruments.</summary>
    public const string Docsfy = "Docsfy";
}
