using Docsfy.Worker.Ai;
using Docsfy.Worker.Pipeline;
using Docsfy.Worker.Plans;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docsfy.WorkerTests.Pipeline;

/// <summary>
/// Every page written in full is checkpointed before it is counted, and placeholders never are, so a later attempt of
/// the run asks the AI only for pages it does not have (docs/design/pipeline.md §12).
/// </summary>
public sealed class PageCheckpointTests
{
    private const string PageMarker = "Write the documentation page";

    [Fact]
    public async Task Written_pages_are_checkpointed_before_they_are_counted_and_placeholders_are_not()
    {
        var ai = new ScriptedAi().When("\"Page 2\"", _ => throw new AiCallFailedException("the tool crashed"))
            .When(PageMarker, prompt => $"# {Plans.TitleIn(prompt)}\n\nText.");
        RunFixture? fixture = null;
        var checkpoint = new RecordingCheckpoint(() => fixture!.Progress.Select(p => p.PageCount).DefaultIfEmpty(0).Max());
        using (fixture = new RunFixture(ai, checkpoint: checkpoint))
        {
            var plan = PlanParser.Parse(Plans.Json(4));

            var pages = await new PageWriter(NullLogger<PageWriter>.Instance)
                .WriteAsync(fixture.Run, plan, plan.Pages, alreadyDone: 0, maxConcurrentPages: 1, CancellationToken.None);

            Assert.Equal(4, pages.Count);
            Assert.Equal(["page-1", "page-3", "page-4"], checkpoint.Pages.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(pages["page-3"], checkpoint.Pages["page-3"]);
            // One page at a time: when page n is recorded, only the pages before it have been counted.
            Assert.Equal(0, checkpoint.ReportedWhenRecorded["page-1"]);
            Assert.Equal(2, checkpoint.ReportedWhenRecorded["page-3"]);
        }
    }

    [Fact]
    public async Task A_resumed_attempt_writes_only_the_remaining_pages_counting_on_from_those_it_has()
    {
        var ai = new ScriptedAi().When(PageMarker, prompt => $"# {Plans.TitleIn(prompt)}\n\nText.");
        using var fixture = new RunFixture(ai);
        var plan = PlanParser.Parse(Plans.Json(5));
        fixture.Reporter.Resume(lastSequence: long.MaxValue / 2, pageCount: 3);

        var pages = await new PageWriter(NullLogger<PageWriter>.Instance).WriteAsync(fixture.Run, plan,
            plan.Pages.Skip(3), alreadyDone: 3, maxConcurrentPages: 1, CancellationToken.None);

        Assert.Equal(["page-4", "page-5"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, fixture.Reporter.Meter.Snapshot().AiCalls);
        Assert.Equal([4, 5], fixture.Progress.Select(p => p.PageCount));
        Assert.All(fixture.Progress, p => Assert.True(p.Sequence > long.MaxValue / 2));
    }
}
