namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// An app host of its own for tests that kill, stop and restart its worker mid-run to see the run taken over
/// (docs/design/pipeline.md §12). The worker runs <c>claude</c> as the gated fake tool (Assets/gated-ai.sh), so a run can
/// be held with 2 of its 3 pages written; a run is taken over at most once after a loss and handed on at most twice, so
/// the limits are quick to reach. The app host
/// does not restart a dead worker (<c>Worker:RestartOnExit</c> off): the tests start it when they want it back.
/// </summary>
public sealed class ResumeFixture : AppHostFixture
{
    public const int MaxTakeovers = 1;

    public const int MaxHandBacks = 2;

    public static string GatedAiPath => Path.Combine(AppContext.BaseDirectory, "Assets", "gated-ai.sh");

    protected override Task<DocsfyAppHost> StartAsync() => DocsfyAppHost.StartAsync(apiReplicas: 1, configure: builder =>
    {
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Generation__MaxTakeovers", MaxTakeovers.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Generation__MaxHandBacks", MaxHandBacks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Ai__Cli__claude__Path", GatedAiPath);
    }, settings: ["--Worker:RestartOnExit=false"]);
}

[CollectionDefinition(Name)]
public sealed class ResumeCollection : ICollectionFixture<ResumeFixture>
{
    public const string Name = "Resume";
}
