using Docsfy.AppHost.Infrastructure;

namespace Docsfy.AppHostTests;

/// <summary>A machine with scripted answers to <see cref="InfrastructureProbes"/>' questions, counting what was asked.</summary>
internal sealed class ProbeScript
{
    public ProbeScript(string? answeringRuntime, string? postgres, bool rabbitMQ) =>
        Probes = new InfrastructureProbes(
            _ =>
            {
                Questions++;
                return answeringRuntime;
            },
            () =>
            {
                Questions++;
                return postgres;
            },
            () =>
            {
                Questions++;
                return rabbitMQ;
            });

    public InfrastructureProbes Probes { get; }

    public int Questions { get; private set; }
}
