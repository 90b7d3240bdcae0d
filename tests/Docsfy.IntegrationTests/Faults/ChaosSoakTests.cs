using Xunit.Abstractions;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// The long soak <c>scripts/chaos</c> runs: every fault of the suite, round after round on one app host, its figures
/// written to the results file before the promises are asserted (so a failing soak still leaves its table). Skipped in
/// the normal test run.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", "Soak")]
public sealed class ChaosSoakTests(FaultFixture fixture, ITestOutputHelper output)
{
    [SoakFact]
    public async Task Every_fault_round_after_round_keeps_every_promise()
    {
        var settings = ChaosSettings.FromEnvironment();
        var started = DateTime.UtcNow;
        var loadBefore = ChaosReport.LoadAverage();
        var outcomes = new List<FaultOutcome>();
        var rounds = 0;
        var broken = false;
        while (!broken && rounds < settings.Rounds && (settings.Duration is not { } duration || DateTime.UtcNow - started < duration))
        {
            rounds++;
            foreach (var fault in Faults.All)
            {
                FaultOutcome outcome;
                try
                {
                    outcome = await FaultScenario.RunAsync(fixture.Host, fault, settings.RunsPerScenario);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // The system did not come back well enough to run the scenario at all: record it, and stop here,
                    // since every later scenario would meet the same broken system.
                    outcome = new FaultOutcome(fault, settings.RunsPerScenario, 0, 0, 0, 0, 0, [],
                        [$"round {rounds}: the scenario could not run: {exception.Message}"]);
                    broken = true;
                }
                output.WriteLine($"round {rounds}, {fault.Name}: {outcome.RunsReady}/{outcome.RunsStarted} ready, "
                                 + $"{outcome.RunsResumed} resumed, {outcome.TerminalStatusesLost} lost, {outcome.StuckVariants} stuck"
                                 + string.Concat(outcome.Problems.Select(p => $"\n  {p}")));
                outcomes.Add(outcome);
                if (broken)
                {
                    break;
                }
            }
        }
        var report = ChaosReport.Render(settings, outcomes, rounds, loadBefore, ChaosReport.LoadAverage(), started, DateTime.UtcNow - started);
        await File.WriteAllTextAsync(settings.ResultsPath, report);
        output.WriteLine(report);

        // Every run ends ready, a killed worker's too (taken over and resumed: a broken promise is one of the problems),
        // and nothing may be lost, left generating or left behind, anywhere.
        Assert.Equal(outcomes.Sum(o => o.RunsStarted), outcomes.Sum(o => o.RunsReady));
        Assert.Equal(0, outcomes.Sum(o => o.TerminalStatusesLost));
        Assert.Equal(0, outcomes.Sum(o => o.StuckVariants));
        var problems = outcomes.SelectMany(o => o.Problems.Select(p => $"{o.Fault.Name}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
