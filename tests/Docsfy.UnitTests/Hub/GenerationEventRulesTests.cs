using Docsfy.Api.Generation;
using Docsfy.Contracts;

namespace Docsfy.UnitTests.Hub;

public sealed class GenerationEventRulesTests
{
    private static readonly VariantKey Variant = new("repo", "main", "claude", "opus", "ada");

    private static GenerationProgressed Progress(string stage = "planning", long sequence = 1, int pageCount = 0,
        string? plan = null, string? error = null) =>
        new(Variant, Guid.NewGuid(), sequence, stage, pageCount, plan, error);

    private static GenerationFinished Finished(string status = "ready", int pageCount = 3, string? sha = "abc", string? error = null) =>
        new(Variant, Guid.NewGuid(), 9, status, pageCount, DateTime.UtcNow, sha, error, UpToDate: false);

    [Fact]
    public void Well_formed_events_pass()
    {
        Assert.Null(GenerationEventRules.Problem(Progress()));
        Assert.Null(GenerationEventRules.Problem(Finished()));
        Assert.Null(GenerationEventRules.Problem(Finished(status: "aborted", sha: null)));
    }

    [Fact]
    public void Malformed_progress_is_named()
    {
        Assert.Equal("malformed stage name", GenerationEventRules.Problem(Progress(stage: "ready")));
        Assert.Equal("non-positive sequence", GenerationEventRules.Problem(Progress(sequence: 0)));
        Assert.Equal("negative page count", GenerationEventRules.Problem(Progress(pageCount: -1)));
        Assert.Equal("plan too large", GenerationEventRules.Problem(Progress(plan: new string('x', 1_000_001))));
        Assert.Equal("error text too long", GenerationEventRules.Problem(Progress(error: new string('x', 4001))));
    }

    [Theory]
    [InlineData("summarizing")]
    [InlineData("indexing_2")]
    public void A_stage_this_api_does_not_know_passes_so_a_newer_worker_is_shown(string stage)
    {
        Assert.False(RunStage.IsKnown(stage));
        Assert.Null(GenerationEventRules.Problem(Progress(stage: stage)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Cloning")]
    [InlineData("2nd_pass")]
    [InlineData("a b")]
    [InlineData("x<script>")]
    [InlineData("up_to_date")]
    [InlineData("aborted")]
    public void Malformed_or_misleading_stage_names_are_refused(string stage) =>
        Assert.Equal("malformed stage name", GenerationEventRules.Problem(Progress(stage: stage)));

    [Fact]
    public void A_stage_name_longer_than_the_limit_is_refused() =>
        Assert.Equal("malformed stage name", GenerationEventRules.Problem(Progress(stage: new string('a', RunStage.MaxLength + 1))));

    [Fact]
    public void Malformed_terminal_events_are_named()
    {
        Assert.Equal("unknown terminal status", GenerationEventRules.Problem(Finished(status: "generating")));
        Assert.Equal("negative page count", GenerationEventRules.Problem(Finished(pageCount: -2)));
        Assert.Equal("commit SHA too long", GenerationEventRules.Problem(Finished(sha: new string('a', 65))));
    }

    [Fact]
    public void What_a_site_left_out_is_bounded_text()
    {
        Assert.Null(GenerationEventRules.Problem(Finished() with { LeftOut = "150 of 180 guides shown (the first in name order)." }));
        Assert.Null(GenerationEventRules.Problem(Finished() with { LeftOut = new string('x', 1000) }));
        Assert.Equal("left-out text too long", GenerationEventRules.Problem(Finished() with { LeftOut = new string('x', 1001) }));
        Assert.Equal("NUL character in text", GenerationEventRules.Problem(Finished() with { LeftOut = "a\0b" }));
    }

    [Fact]
    public void A_terminal_event_with_usage_passes_and_out_of_range_usage_is_named()
    {
        Assert.Null(GenerationEventRules.Problem(Finished() with { Usage = new RunUsage(12, 1_000, 2_000, 0.25m, 3) }));
        Assert.Null(GenerationEventRules.Problem(Finished() with { Usage = new RunUsage(0, null, null, null, 0) }));
        Assert.Equal("usage out of range", GenerationEventRules.Problem(Finished() with { Usage = new RunUsage(-1, null, null, null, 0) }));
        Assert.Equal("usage out of range", GenerationEventRules.Problem(Finished() with { Usage = new RunUsage(1, -5, null, null, 0) }));
        Assert.Equal("usage out of range", GenerationEventRules.Problem(Finished() with { Usage = new RunUsage(1, null, null, -0.01m, 0) }));
        Assert.Equal("usage out of range", GenerationEventRules.Problem(Finished() with { Usage = new RunUsage(1, null, null, null, -2) }));
        Assert.Equal("plan too large", GenerationEventRules.Problem(Finished() with { PlanJson = new string('x', 1_000_001) }));
    }
}
