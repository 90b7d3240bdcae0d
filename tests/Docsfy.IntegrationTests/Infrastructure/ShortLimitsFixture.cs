namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// An app host of its own whose limits are short enough to reach in a test: how long a run may wait for a worker and
/// may take, how many runs the worker takes at once, and how often expired sessions are purged.
/// </summary>
public sealed class ShortLimitsFixture : AppHostFixture
{
    public const int MaxConcurrentRuns = 2;
    public static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(50);
    public static readonly TimeSpan SessionPurgeInterval = TimeSpan.FromSeconds(1);

    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: 1, configure: builder =>
    {
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Generation__QueueTimeout", QueueTimeout.ToString())
            .WithEnvironment("Auth__SessionPurgeInterval", SessionPurgeInterval.ToString());
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Worker__MaxConcurrentRuns", MaxConcurrentRuns.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Worker__RunTimeout", RunTimeout.ToString());
    });
}

[CollectionDefinition(Name)]
public sealed class ShortLimitsCollection : ICollectionFixture<ShortLimitsFixture>
{
    public const string Name = "Short limits";
}
