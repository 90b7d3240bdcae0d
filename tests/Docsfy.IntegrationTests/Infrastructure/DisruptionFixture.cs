namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>An app host of its own for tests that kill or restart its resources.</summary>
public sealed class DisruptionFixture : IAsyncLifetime
{
    private DocsfyAppHost? _host;

    public DocsfyAppHost Host => _host ?? throw new InvalidOperationException("The app host has not started.");

    public async Task InitializeAsync() => _host = await DocsfyAppHost.StartAsync(apiReplicas: 1);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DisruptionCollection : ICollectionFixture<DisruptionFixture>
{
    public const string Name = "Disruptions";
}
