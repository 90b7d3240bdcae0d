using Docsfy.Api.Generation.Events;
using Docsfy.Contracts;

namespace Docsfy.UnitTests.Generation;

public sealed class RunEventBatchTests
{
    private static readonly VariantKey Variant = new("widget", "main", "claude", "opus", "ada");
    private static ulong _tag;

    private static RunEvent Progress(Guid run, long sequence, string stage, int pages = 0, string? plan = null, int attempt = 1) =>
        new(++_tag, Progress: new GenerationProgressed(Variant, run, sequence, stage, pages, plan, null, attempt));

    private static RunEvent Finished(Guid run, long sequence, string status = "ready", int attempt = 1) =>
        new(++_tag, Finished: new GenerationFinished(Variant, run, sequence, status, 3, null, "abc", null, false, Attempt: attempt));

    private static RunEvent Heartbeat(Guid run, int attempt = 1) => new(++_tag, Heartbeat: new GenerationHeartbeat(run, "w", attempt));

    private static RunEvent HandedBack(Guid run, int attempt) => new(++_tag, HandedBack: new GenerationHandedBack(run, attempt, "w"));

    [Fact]
    public void Events_delivered_out_of_order_are_put_back_in_sequence_order()
    {
        var run = Guid.NewGuid();
        var batch = RunEventBatch.From([Progress(run, 3, "generating_pages", 1), Progress(run, 1, "cloning"), Progress(run, 2, "planning")]);

        Assert.Equal([1L, 2, 3], batch.ProgressByRun[run].Select(p => p.Event.Sequence));
        Assert.Equal(3, Assert.Single(batch.NewestProgress).Sequence);
    }

    [Fact]
    public void Consecutive_events_of_one_stage_become_the_newest_of_them_and_stage_changes_are_all_kept()
    {
        var run = Guid.NewGuid();
        var batch = RunEventBatch.From([
            Progress(run, 1, "cloning"), Progress(run, 2, "planning"),
            Progress(run, 3, "generating_pages", 1), Progress(run, 4, "generating_pages", 2), Progress(run, 5, "generating_pages", 3),
            Progress(run, 6, "validating", 3)]);

        Assert.Equal(["cloning", "planning", "generating_pages", "validating"], batch.ProgressByRun[run].Select(p => p.Event.Stage));
        Assert.Equal([1L, 2, 5, 6], batch.ProgressByRun[run].Select(p => p.Event.Sequence));
        Assert.Equal(3, batch.ProgressByRun[run][2].Event.PageCount);
    }

    [Fact]
    public void A_plan_sent_with_an_event_that_was_merged_away_travels_with_the_events_after_it()
    {
        var run = Guid.NewGuid();
        var batch = RunEventBatch.From([Progress(run, 1, "generating_pages", 0, plan: "{\"p\":1}"), Progress(run, 2, "generating_pages", 1)]);

        var kept = Assert.Single(batch.ProgressByRun[run]).Event;
        Assert.Equal(2, kept.Sequence);
        Assert.Equal("{\"p\":1}", kept.PlanJson);
    }

    [Fact]
    public void Kept_events_keep_the_delivery_tag_they_came_with_so_clients_get_them_in_sending_order()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var first = Progress(a, 1, "cloning");
        var second = Progress(b, 1, "cloning");
        var third = Finished(a, 2);
        var batch = RunEventBatch.From([first, second, third]);

        Assert.Equal(first.DeliveryTag, batch.ProgressByRun[a].Single().DeliveryTag);
        Assert.Equal(second.DeliveryTag, batch.ProgressByRun[b].Single().DeliveryTag);
        Assert.Equal(third.DeliveryTag, batch.Terminals.Single().DeliveryTag);
    }

    [Fact]
    public void Duplicates_are_applied_once()
    {
        var run = Guid.NewGuid();
        var batch = RunEventBatch.From([Progress(run, 1, "cloning"), Progress(run, 1, "cloning"), Progress(run, 2, "planning")]);

        Assert.Equal([1L, 2], batch.ProgressByRun[run].Select(p => p.Event.Sequence));
    }

    [Fact]
    public void Runs_are_kept_apart_and_terminal_statuses_are_never_merged_or_dropped_nor_reordered()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var batch = RunEventBatch.From([
            Progress(a, 1, "cloning"), Progress(b, 7, "rendering", 4), Finished(a, 3, "error"), Finished(a, 2), Finished(b, 8)]);

        Assert.Equal(2, batch.ProgressByRun.Count);
        Assert.Equal(7, batch.ProgressByRun[b].Single().Event.Sequence);
        Assert.Equal(3, batch.Terminals.Count);
        Assert.Equal([3L, 2], batch.Terminals.Where(t => t.Event.RunId == a).Select(t => t.Event.Sequence));
    }

    [Fact]
    public void Heartbeats_of_runs_that_also_sent_progress_need_no_statement_of_their_own()
    {
        var (busy, quiet) = (Guid.NewGuid(), Guid.NewGuid());
        var batch = RunEventBatch.From([Heartbeat(busy), Progress(busy, 1, "cloning"), Heartbeat(quiet), Heartbeat(quiet)]);

        Assert.Equal([new RunAttempt(quiet, 1)], batch.Heartbeats);
    }

    [Fact]
    public void Events_of_an_attempt_older_than_another_in_the_batch_are_dropped_however_high_their_sequence()
    {
        // A worker that was only cut off goes on sending after its run was taken over, with clock-based sequences that
        // may well be higher than the new attempt's.
        var run = Guid.NewGuid();
        var batch = RunEventBatch.From([
            Progress(run, 100, "generating_pages", 2, attempt: 2), Progress(run, 900, "generating_pages", 3, attempt: 1),
            Progress(run, 101, "generating_pages", 3, attempt: 2), Finished(run, 901, "error", attempt: 1)]);

        var kept = Assert.Single(batch.ProgressByRun[run]).Event;
        Assert.Equal((101L, 2, 3), (kept.Sequence, kept.Attempt, kept.PageCount));
        Assert.Empty(batch.Terminals);
    }

    [Fact]
    public void A_stale_heartbeat_or_hand_back_keeps_nothing_alive_and_hands_nothing_back()
    {
        var (taken, handed) = (Guid.NewGuid(), Guid.NewGuid());
        var batch = RunEventBatch.From([
            Heartbeat(taken, attempt: 1), Heartbeat(taken, attempt: 2), Heartbeat(taken, attempt: 1),
            HandedBack(handed, attempt: 1), Heartbeat(handed, attempt: 2)]);

        Assert.Equal([new RunAttempt(taken, 2), new RunAttempt(handed, 2)], batch.Heartbeats.OrderBy(h => h.RunId == handed));
        Assert.Empty(batch.HandBacks);
    }

    [Fact]
    public void A_hand_back_is_kept_once_after_the_progress_of_its_attempt()
    {
        var run = Guid.NewGuid();
        var batch = RunEventBatch.From([Progress(run, 5, "generating_pages", 2), HandedBack(run, 1), HandedBack(run, 1)]);

        Assert.Equal(5, batch.NewestProgress.Single().Sequence);
        Assert.Equal(new GenerationHandedBack(run, 1, "w"), Assert.Single(batch.HandBacks));
    }

    [Fact]
    public void Refused_deliveries_take_part_in_nothing()
    {
        var batch = RunEventBatch.From([new RunEvent(++_tag), new RunEvent(++_tag)]);

        Assert.Empty(batch.ProgressByRun);
        Assert.Empty(batch.Terminals);
        Assert.Empty(batch.Heartbeats);
    }
}
