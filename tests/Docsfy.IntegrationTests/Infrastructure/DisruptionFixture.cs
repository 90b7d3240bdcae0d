namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>An app host of its own for tests that kill or restart its resources.</summary>
public sealed class DisruptionFixture : AppHostFixture
{
    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: 1);
}

[CollectionDefinition(Name)]
public sealed class DisruptionCollection : ICollectionFixture<DisruptionFixture>
{
    public const string Name = "Disruptions";
}
