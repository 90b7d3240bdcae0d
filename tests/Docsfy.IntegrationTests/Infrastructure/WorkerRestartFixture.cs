namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// An app host of its own for tests that crash or stop the worker and expect the app host to bring it back (or not): it
/// restarts a dead worker as in a local install (<c>Worker:RestartOnExit</c>, on by default in run mode).
/// </summary>
public sealed class WorkerRestartFixture : AppHostFixture
{
    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: 1);
}

[CollectionDefinition(Name)]
public sealed class WorkerRestartCollection : ICollectionFixture<WorkerRestartFixture>
{
    public const string Name = "Worker restarts";
}
