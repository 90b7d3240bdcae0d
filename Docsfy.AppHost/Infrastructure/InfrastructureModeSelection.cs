namespace Docsfy.AppHost.Infrastructure;

/// <summary>The mode the app host will use and a sentence saying why, for the start-up log.</summary>
/// <param name="Mode">A concrete mode, never <see cref="InfrastructureMode.Auto"/>.</param>
/// <param name="Reason">Why this mode was chosen.</param>
public sealed record InfrastructureModeSelection(InfrastructureMode Mode, string Reason)
{
    /// <summary>
    /// Resolves the requested mode. Publish mode always describes containers (the deployment target has no local
    /// binaries); <c>auto</c> prefers a container runtime that answers, then installed binaries, else fails fast.
    /// </summary>
    public static InfrastructureModeSelection Resolve(InfrastructureMode requested, bool isPublishMode, string? configuredContainerRuntime,
        InfrastructureProbes probes)
    {
        if (isPublishMode)
        {
            return new(InfrastructureMode.Containers, "publish mode always describes PostgreSQL and RabbitMQ as containers");
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
