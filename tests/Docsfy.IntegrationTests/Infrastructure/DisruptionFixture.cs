namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// An app host of its own for tests that kill or restart its resources. A worker that goes quiet counts as gone after
/// seconds here, and a run waits for no worker only briefly, so those outcomes are reachable in a test. The app host does
/// not restart a worker that dies here (<c>Worker:RestartOnExit</c> off): these tests need it to stay dead until they start
/// it (<see cref="WorkerRestartFixture"/> has the default).
/// </summary>
public sealed class DisruptionFixture : AppHostFixture
{
    public static readonly TimeSpan WorkerPresenceTimeout = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan NoWorkerTimeout = TimeSpan.FromSeconds(10);

    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: 1, configure: builder =>
    {
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Workers__PresenceTimeout", WorkerPresenceTimeout.ToString())
            .WithEnvironment("Generation__NoWorkerTimeout", NoWorkerTimeout.ToString());
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Worker__PresenceInterval", TimeSpan.FromSeconds(1).ToString());
    }, settings: ["--Worker:RestartOnExit=false"]);
}

[CollectionDefinition(Name)]
public sealed class DisruptionCollection : ICollectionFixture<DisruptionFixture>
{
    public const string Name = "Disruptions";
}
