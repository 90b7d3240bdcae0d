using Aspire.Hosting.ApplicationModel;
using Docsfy.AppHost.Restarts;

namespace Docsfy.AppHostTests.Restarts;

/// <summary>
/// Which ends of an instance are crashes to recover from and which are stops someone asked for, as the orchestrator
/// reports them (seen from DCP: a Stop goes Running, Stopping, Finished; a SIGKILL goes Running, Finished).
/// </summary>
public sealed class InstanceExitTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RestartPolicy Policy = new();

    [Fact]
    public void A_process_that_dies_while_running_is_restarted_after_the_first_delay()
    {
        var tracker = new InstanceExitTracker(Policy);
        Assert.Null(tracker.Observe(KnownResourceStates.Starting, null, Start));
        Assert.Null(tracker.Observe(KnownResourceStates.Running, null, Start));
        Assert.Null(tracker.Observe(KnownResourceStates.Running, null, Start.AddSeconds(5)));

        var exit = tracker.Observe(KnownResourceStates.Finished, -1, Start.AddSeconds(10));

        Assert.NotNull(exit);
        Assert.False(exit.Requested);
        Assert.Equal(-1, exit.ExitCode);
        Assert.Equal(1, exit.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(1), exit.Delay);
        Assert.Equal(TimeSpan.FromSeconds(10), exit.Uptime);
        // The same end reported again is not a second exit.
        Assert.Null(tracker.Observe(KnownResourceStates.Finished, -1, Start.AddSeconds(11)));
    }

    [Fact]
    public void A_stop_someone_asked_for_is_not_restarted()
    {
        var tracker = new InstanceExitTracker(Policy);
        tracker.Observe(KnownResourceStates.Running, null, Start);
        Assert.Null(tracker.Observe(KnownResourceStates.Stopping, null, Start.AddSeconds(3)));

        var exit = tracker.Observe(KnownResourceStates.Finished, -1, Start.AddSeconds(4));

        Assert.NotNull(exit);
        Assert.True(exit.Requested);
    }

    [Fact]
    public void Exits_in_a_row_back_off_up_to_the_cap_and_a_run_that_lasted_starts_the_count_again()
    {
        var tracker = new InstanceExitTracker(Policy with { MaxDelay = TimeSpan.FromSeconds(5) });
        var now = Start;
        var delays = new List<TimeSpan>();
        for (var crash = 0; crash < 5; crash++)
        {
            tracker.Observe(KnownResourceStates.Running, null, now);
            now += TimeSpan.FromSeconds(2);
            delays.Add(tracker.Observe(KnownResourceStates.Finished, 1, now)!.Delay);
        }
        Assert.Equal([1, 2, 4, 5, 5], delays.Select(delay => delay.TotalSeconds));

        tracker.Observe(KnownResourceStates.Running, null, now);
        var afterStableRun = tracker.Observe(KnownResourceStates.Finished, 1, now + Policy.StableAfter);
        Assert.Equal(1, afterStableRun!.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(1), afterStableRun.Delay);
    }

    [Fact]
    public void A_stop_on_request_after_crashes_starts_the_count_again_and_the_next_run_may_crash_and_be_restarted()
    {
        var tracker = new InstanceExitTracker(Policy);
        tracker.Observe(KnownResourceStates.Running, null, Start);
        Assert.Equal(1, tracker.Observe(KnownResourceStates.Finished, 137, Start.AddSeconds(1))!.Attempt);
        tracker.Observe(KnownResourceStates.Running, null, Start.AddSeconds(3));
        tracker.Observe(KnownResourceStates.Stopping, null, Start.AddSeconds(4));
        Assert.True(tracker.Observe(KnownResourceStates.Finished, 0, Start.AddSeconds(5))!.Requested);

        // Started again by hand, then killed: a crash again, the first in a new row.
        tracker.Observe(KnownResourceStates.Starting, null, Start.AddSeconds(6));
        tracker.Observe(KnownResourceStates.Running, null, Start.AddSeconds(7));
        var exit = tracker.Observe(KnownResourceStates.Exited, 137, Start.AddSeconds(8));
        Assert.False(exit!.Requested);
        Assert.Equal(1, exit.Attempt);
    }

    [Fact]
    public void An_instance_that_never_ran_has_nothing_to_come_back_from()
    {
        var tracker = new InstanceExitTracker(Policy);
        tracker.Observe(KnownResourceStates.Waiting, null, Start);
        Assert.Null(tracker.Observe(KnownResourceStates.FailedToStart, null, Start.AddSeconds(1)));
        Assert.Null(tracker.Observe(KnownResourceStates.Finished, 1, Start.AddSeconds(2)));
    }
}
