namespace Docsfy.AppHost.Infrastructure;

/// <summary>The mode the app host will use and a sentence saying why, for the start-up log.</summary>
/// <param name="Mode">A concrete mode, never <see cref="InfrastructureMode.Auto"/>.</param>
/// <param name="Reason">Why this mode was chosen.</param>
public sealed record InfrastructureModeSelection(InfrastructureMode Mode, string Reason)
{
    /// <summary>
    /// Resolves the requested mode. Publish mode describes containers (the deployment target has no local binaries),
    /// unless <c>external</c> is asked for: then the deployment asks for the connection strings of servers it does not
    /// own, such as a managed PostgreSQL (README, Deploy to Azure). <c>auto</c> prefers a container runtime that
    /// answers, then installed binaries, else fails fast.
    /// </summary>
    public static InfrastructureModeSelection Resolve(InfrastructureMode requested, bool isPublishMode, string? configuredContainerRuntime,
        InfrastructureProbes probes)
    {
        if (isPublishMode)
        {
            return requested == InfrastructureMode.External
                ? new(InfrastructureMode.External, "publish mode with Infrastructure:Mode external: the deployment supplies the connection strings")
                : new(InfrastructureMode.Containers, "publish mode describes PostgreSQL and RabbitMQ as containers");
        }

        if (requested != InfrastructureMode.Auto)
        {
            return new(requested, "Infrastructure:Mode says so");
        }

        if (probes.AnsweringContainerRuntime(configuredContainerRuntime) is { } runtime)
        {
            return new(InfrastructureMode.Containers, $"auto: container runtime '{runtime}' answers");
        }

        if (probes.PostgresBinDirectory() is { } postgres && probes.RabbitMQInstalled())
        {
            return new(InfrastructureMode.Local,
                $"auto: no container runtime answers, and PostgreSQL ({postgres}) and RabbitMQ are installed");
        }

        throw new InvalidOperationException(
            "Infrastructure:Mode is auto, but no container runtime answers (docker/podman) and PostgreSQL and RabbitMQ are not installed. " +
            $"Install them with `{LocalBinaries.InstallCommand}`, start Docker, or set Infrastructure:Mode=external with " +
            "ConnectionStrings:docsfydb and ConnectionStrings:messaging.");
    }
}
