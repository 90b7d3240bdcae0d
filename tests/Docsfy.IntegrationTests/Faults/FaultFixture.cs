using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// An app host of the fault suite's own, since every test breaks part of it: two API replicas (so one can die while the
/// other serves), and a worker that takes every run of a scenario at once (so all are mid-run when the fault hits). The
/// app host restarts a worker that dies (<c>Worker:RestartOnExit</c>, left on as in a local install): that is how the
/// killed worker comes back.
/// </summary>
public sealed class FaultFixture : AppHostFixture
{
    public const int Replicas = 2;

    /// <summary>Runs a scenario starts; the worker runs them all at once.</summary>
    public const int ConcurrentRuns = 4;

    /// <summary>
    /// Longer than the other app hosts' 8 s, though still well under the 2 min default: after a broker restart the
    /// worker's MassTransit bus reconnects some seconds after the API's event connection (the soak saw it lag by more
    /// than 8 s), and its runs must not be judged dead meanwhile. It is also how long a killed worker's runs wait before
    /// they are taken over: shorter would make that scenario quicker but take runs away from a worker that is only
    /// reconnecting (the takeover is safe, being fenced, but wasteful, and the suite asserts no other fault takes a run
    /// over), which is the same trade a deployment makes with its 2 min.
    /// </summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(30);

    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: Replicas, configure: builder =>
    {
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Generation__HeartbeatTimeout", HeartbeatTimeout.ToString());
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Worker__MaxConcurrentRuns", ConcurrentRuns.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "Faults";
}
