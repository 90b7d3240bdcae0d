namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// An app host with two worker replicas (<c>Worker:Replicas=2</c>) on one machine, for the takeover of a killed
/// replica's run by the other (docs/design/pipeline.md §12). The workers run <c>claude</c> as the gated fake tool, so a
/// run can be held with 2 of its 3 pages written; the app host does not restart the killed one, so only the other can
/// take the run.
/// </summary>
public sealed class TwoWorkersFixture : AppHostFixture
{
    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: 1, workerReplicas: 2,
        configure: builder => builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Ai__Cli__claude__Path", ResumeFixture.GatedAiPath),
        settings: ["--Worker:RestartOnExit=false"]);
}

[CollectionDefinition(Name)]
public sealed class TwoWorkersCollection : ICollectionFixture<TwoWorkersFixture>
{
    public const string Name = "Two workers";
}
