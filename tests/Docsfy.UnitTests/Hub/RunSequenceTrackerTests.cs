using Docsfy.Api.Hub;

namespace Docsfy.UnitTests.Hub;

public sealed class RunSequenceTrackerTests
{
    [Fact]
    public void Events_reach_sockets_only_forwards_and_nothing_after_the_terminal_one()
    {
        var tracker = new RunSequenceTracker();
        var run = Guid.NewGuid();

        Assert.True(tracker.TryAdvance(run, 1, terminal: false));
        Assert.True(tracker.TryAdvance(run, 3, terminal: false));
        Assert.False(tracker.TryAdvance(run, 3, terminal: false));
        Assert.False(tracker.TryAdvance(run, 2, terminal: false));
        Assert.True(tracker.TryAdvance(run, 4, terminal: true));
        Assert.False(tracker.TryAdvance(run, 5, terminal: false));
        Assert.False(tracker.TryAdvance(run, 6, terminal: true));
    }

    [Fact]
    public void Runs_are_tracked_independently()
    {
        var tracker = new RunSequenceTracker();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.True(tracker.TryAdvance(first, 5, terminal: false));
        Assert.True(tracker.TryAdvance(second, 1, terminal: false));
        Assert.True(tracker.TryAdvance(second, 2, terminal: true));
        Assert.True(tracker.TryAdvance(first, 6, terminal: false));
    }
}
