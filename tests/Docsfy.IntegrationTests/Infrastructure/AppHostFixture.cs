namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>An app host of a test collection's own, started once for the collection with the settings it needs.</summary>
public abstract class AppHostFixture : IAsyncLifetime
{
    private DocsfyAppHost? _host;

    public DocsfyAppHost Host => _host ?? throw new InvalidOperationException("The app host has not started.");

    protected abstract Task<DocsfyAppHost> StartAsync();

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
