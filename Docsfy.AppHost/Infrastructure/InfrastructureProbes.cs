namespace Docsfy.AppHost.Infrastructure;

/// <summary>
/// What <c>auto</c> asks the machine before it chooses a mode. Each question is asked only when the answer decides
/// something (an explicit mode asks nothing), since an engine that does not answer costs seconds to find out.
/// </summary>
/// <param name="AnsweringContainerRuntime">Given <c>ASPIRE_CONTAINER_RUNTIME</c> (or null), the runtime whose engine answers, or null.</param>
/// <param name="PostgresBinDirectory">The installed PostgreSQL server's bin folder, or null.</param>
/// <param name="RabbitMQInstalled">Whether the RabbitMQ server is installed.</param>
public sealed record InfrastructureProbes(
    Func<string?, string?> AnsweringContainerRuntime,
    Func<string?> PostgresBinDirectory,
    Func<bool> RabbitMQInstalled)
{
    /// <summary>This machine: <c>docker info</c>/<c>podman info</c>, and Debian's package folders.</summary>
    public static InfrastructureProbes Machine { get; } = new(
        ContainerRuntimeProbe.FindAnsweringRuntime,
        LocalBinaries.FindPostgresBinDirectory,
        () => File.Exists(LocalBinaries.RabbitMQServer));
}
