namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>One started app host (two API replicas) shared by every test of the <see cref="DocsfyCollection"/>.</summary>
public sealed class DocsfyAppFixture : IAsyncLifetime
{
    private DocsfyAppHost? _host;

    public DocsfyAppHost Host => _host ?? throw new InvalidOperationException("The app host has not started.");

    public static Credential Admin { get; } = Credential.Bearer(DocsfyAppHost.AdminKey);

    public async Task InitializeAsync() => _host = await DocsfyAppHost.StartAsync(apiReplicas: 2);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A username no other test uses, so tests sharing one database never collide.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 50)];
}

[CollectionDefinition(Name)]
public sealed class DocsfyCollection : ICollectionFixture<DocsfyAppFixture>
{
    public const string Name = "Docsfy app host";
}
