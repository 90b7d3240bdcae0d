namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// Faults injected mid-run with runs in flight and clients connected to both API replicas: the system keeps every
/// promise through each (see <see cref="FaultScenario"/>). The worker's own death is in the soak (scripts/chaos) and in
/// WorkerCrashTests, since what its runs come to depends on whether runs resume.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTests(FaultFixture fixture)
{
    public static TheoryData<string> Recoverable => [Faults.BrokerRestart.Name, Faults.DatabaseRestart.Name, Faults.ApiReplicaKill.Name];

    [Theory]
    [MemberData(nameof(Recoverable))]
    public async Task Runs_end_ready_and_every_client_sees_it_through(string fault)
    {
        var outcome = await FaultScenario.RunAsync(fixture.Host, Faults.All.Single(f => f.Name == fault), FaultFixture.ConcurrentRuns);

        Assert.True(outcome.Problems.Count == 0, string.Join('\n', outcome.Problems));
        Assert.Equal((outcome.RunsStarted, 0, 0), (outcome.RunsReady, outcome.TerminalStatusesLost, outcome.StuckVariants));
    }
}
