namespace Docsfy.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from (setting <c>Infrastructure:Mode</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else the machine's own binaries, else fail fast.</summary>
    Auto,

    /// <summary>Aspire's PostgreSQL and RabbitMQ containers with data volumes.</summary>
    Containers,

    /// <summary>The installed PostgreSQL and RabbitMQ binaries, run as Aspire executable resources.</summary>
    Local,

    /// <summary>Existing servers named by <c>ConnectionStrings:docsfydb</c> and <c>ConnectionStrings:messaging</c>.</summary>
    External,
}
