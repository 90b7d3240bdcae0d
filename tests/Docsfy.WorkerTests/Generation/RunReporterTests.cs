using System.Collections.Concurrent;
using Docsfy.Contracts;
using Docsfy.Worker.Generation;

namespace Docsfy.WorkerTests.Generation;

public sealed class RunReporterTests
{
    private readonly ConcurrentQueue<object> _published = new();
    private readonly RunReporter _reporter;

    public RunReporterTests() =>
        _reporter = new RunReporter((message, _) =>
        {
            _published.Enqueue(message);
            return Task.CompletedTask;
        }, new VariantKey("demo", "main", "scripted", "m1", "ada"), Guid.NewGuid());

    [Fact]
    public async Task An_up_to_date_run_finishes_ready_with_its_base_plan_and_what_it_spent()
    {
        const string planJson = """{"project_name": "demo", "navigation": []}""";
        _reporter.Meter.PagesReused(3);

        await _reporter.FinishedAsync(RunOutcome.UpToDateWith(3, "abc123", planJson), CancellationToken.None);

        var finished = Assert.IsType<GenerationFinished>(Assert.Single(_published));
        Assert.Equal(("ready", 3, "abc123", true, planJson), (finished.Status, finished.PageCount, finished.CommitSha,
            finished.UpToDate, finished.PlanJson));
        Assert.NotNull(finished.LastGenerated);
        Assert.Equal(new RunUsage(0, null, null, null, 3), finished.Usage);
        Assert.Equal(_reporter.RunId, finished.RunId);
    }

    [Fact]
    public async Task A_failed_run_still_reports_the_calls_it_made()
    {
        _reporter.Meter.CallStarted();
        _reporter.Meter.Reported(100, 50, 0.02m);
        _reporter.Meter.CallStarted();

        await _reporter.FinishedAsync(RunOutcome.Failed("Planning failed: timeout", "abc123"), CancellationToken.None);

        var finished = Assert.IsType<GenerationFinished>(Assert.Single(_published));
        Assert.Equal(("error", false, (string?)null), (finished.Status, finished.UpToDate, finished.PlanJson));
        Assert.Null(finished.LastGenerated);
        Assert.Equal(new RunUsage(2, 100, 50, 0.02m, 0), finished.Usage);
    }

    [Fact]
    public async Task The_finished_event_comes_after_every_progress_event_in_sequence()
    {
        await _reporter.StageAsync("generating_pages", CancellationToken.None);
        await _reporter.PagesDoneAsync(1, CancellationToken.None);

        await _reporter.FinishedAsync(RunOutcome.Ready(1, "abc123"), CancellationToken.None);

        var finished = Assert.IsType<GenerationFinished>(_published.Last());
        var progress = _published.OfType<GenerationProgressed>().ToList();
        Assert.Equal(["generating_pages", "generating_pages"], progress.Select(p => p.Stage));
        Assert.All(progress, p => Assert.True(p.Sequence < finished.Sequence));
    }

    [Fact]
    public async Task A_later_attempt_stamps_every_event_with_it_and_never_goes_below_what_the_api_applied()
    {
        var published = new ConcurrentQueue<object>();
        var reporter = new RunReporter((message, _) =>
        {
            published.Enqueue(message);
            return Task.CompletedTask;
        }, new VariantKey("demo", "main", "scripted", "m1", "ada"), Guid.NewGuid(), attempt: 3);
        var applied = DateTime.UtcNow.AddDays(1).Ticks;
        reporter.Resume(applied, pageCount: 4);

        await reporter.StageAsync(RunStage.Cloning, CancellationToken.None);
        await reporter.PagesDoneAsync(2, CancellationToken.None);
        await reporter.FinishedAsync(RunOutcome.Failed("no"), CancellationToken.None);

        var progress = published.OfType<GenerationProgressed>().ToList();
        Assert.Equal([4, 4], progress.Select(p => p.PageCount));
        Assert.All(progress, p => Assert.Equal(3, p.Attempt));
        Assert.Equal(3, Assert.Single(published.OfType<GenerationFinished>()).Attempt);
        Assert.Equal(applied + 1, progress[0].Sequence);
    }
}
