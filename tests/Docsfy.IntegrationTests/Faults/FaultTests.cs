namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// Faults injected mid-run with runs in flight and clients connected to both API replicas: the system keeps every
/// promise through each (see <see cref="FaultScenario"/>): every run ends <c>ready</c>, those of a killed worker taken
/// over and resumed from their checkpoints once the app host has started it again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTests(FaultFixture fixture)
{
    public static TheoryData<string> Every => [.. Faults.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Runs_end_ready_and_every_client_sees_it_through(string name)
    {
        var fault = Faults.All.Single(f => f.Name == name);

        var outcome = await FaultScenario.RunAsync(fixture.Host, fault, FaultFixture.ConcurrentRuns);

        Assert.True(outcome.Problems.Count == 0, string.Join('\n', outcome.Problems));
        Assert.Equal((outcome.RunsStarted, 0, 0), (outcome.RunsReady, outcome.TerminalStatusesLost, outcome.StuckVariants));
        // Only the worker's death takes runs over: the other faults must not be mistaken for it.
        Assert.Equal(fault.KillsWorker ? outcome.RunsStarted : 0, outcome.RunsResumed);
    }
}
