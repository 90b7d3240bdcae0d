using Docsfy.Contracts;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Generation;
using Docsfy.WorkerTests.Pipeline;

namespace Docsfy.WorkerTests.Generation;

public sealed class RunMeterTests
{
    [Fact]
    public void A_new_meter_has_spent_nothing_and_knows_no_usage()
    {
        Assert.Equal(new RunUsage(0, null, null, null, 0), new RunMeter().Snapshot());
    }

    [Fact]
    public void Calls_are_counted_while_usage_that_was_never_reported_stays_unknown()
    {
        var meter = new RunMeter();

        meter.CallStarted();
        meter.CallStarted();
        meter.Reported(null, null, null);

        Assert.Equal(new RunUsage(2, null, null, null, 0), meter.Snapshot());
    }

    [Fact]
    public void Reported_usage_is_summed_and_each_figure_is_known_once_any_call_reports_it()
    {
        var meter = new RunMeter();

        meter.Reported(10, 20, null);
        meter.Reported(5, null, 0.25m);
        meter.Reported(null, 1, 0.5m);

        Assert.Equal(new RunUsage(0, 15, 21, 0.75m, 0), meter.Snapshot());
    }

    [Fact]
    public void Pages_reused_are_the_count_last_given()
    {
        var meter = new RunMeter();

        meter.PagesReused(4);
        meter.PagesReused(7);

        Assert.Equal(7, meter.Snapshot().PagesReused);
    }

    [Fact]
    public void Concurrent_calls_and_reports_are_all_counted()
    {
        var meter = new RunMeter();

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            meter.CallStarted();
            meter.Reported(1, 2, 0.01m);
        });

        Assert.Equal(new RunUsage(10_000, 10_000, 20_000, 100m, 0), meter.Snapshot());
    }

    [Fact]
    public void A_snapshot_does_not_change_afterwards()
    {
        var meter = new RunMeter();
        meter.CallStarted();

        var snapshot = meter.Snapshot();
        meter.CallStarted();
        meter.Reported(1, 1, 1m);

        Assert.Equal(new RunUsage(1, null, null, null, 0), snapshot);
    }

    [Fact]
    public async Task The_AI_session_meters_every_call_including_failed_ones()
    {
        var ai = new ScriptedAi().When("ok", "fine"); // answers report 10 input and 20 output tokens
        using var fixture = new RunFixture(ai);

        await fixture.Ai!.AskAsync("ok 1", CancellationToken.None);
        await fixture.Ai.AskAsync("ok 2", CancellationToken.None);
        await Assert.ThrowsAsync<AiCallFailedException>(() => fixture.Ai.AskAsync("unscripted", CancellationToken.None));

        Assert.Equal(new RunUsage(3, 20, 40, null, 0), fixture.Reporter.Meter.Snapshot());
    }
}
