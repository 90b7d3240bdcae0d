using Docsfy.Worker.Ai;
using Docsfy.Worker.Pipeline;
using Docsfy.Worker.Plans;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docsfy.WorkerTests.Pipeline;

public sealed class StageTests
{
    private const string PlanMarker = "You are planning";
    private const string PageMarker = "Write the documentation page";
    private const string ValidateMarker = "Check the documentation page";
    private const string RelatedMarker = "choose up to 5 other pages";

    private static DocumentationPlan PlanOf(int pages) => PlanParser.Parse(Plans.Json(pages));

    [Fact]
    public async Task Planning_takes_the_plan_out_of_prose_and_fences()
    {
        var ai = new ScriptedAi().When(PlanMarker, $"Sure! Here it is:\n```json\n{Plans.Json(3)}\n```\nHope that helps.");
        using var fixture = new RunFixture(ai);

        var planned = await new Planner(NullLogger<Planner>.Instance).PlanAsync(fixture.Run, CancellationToken.None);

        Assert.Null(planned.Error);
        Assert.Equal(["page-1", "page-2", "page-3"], planned.Plan!.Pages.Select(p => p.Slug));
        Assert.Contains("repository-overview.md", ai.Prompts.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I could not find anything to document.")]
    [InlineData("{\"project_name\": \"x\", \"navigation\": []}")]
    [InlineData("{\"navigation\": [{\"group\": \"g\", \"pages\": [{\"slug\": \"../../\", \"title\": \"t\"}]}]}")]
    public async Task An_unusable_plan_is_a_clear_error(string answer)
    {
        using var fixture = new RunFixture(new ScriptedAi().When(PlanMarker, answer));

        var planned = await new Planner(NullLogger<Planner>.Instance).PlanAsync(fixture.Run, CancellationToken.None);

        Assert.Null(planned.Plan);
        Assert.StartsWith("The AI's plan was unusable", planned.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_written_in_parallel_up_to_the_limit_and_each_one_raises_page_count()
    {
        // The first calls wait until four are in flight: the writer must reach its limit, and any fifth call it started
        // while those four are held would push MaxInFlight past it.
        var ai = new ScriptedAi().HoldUntilInFlight(4, TimeSpan.FromSeconds(10))
            .When(PageMarker, prompt => $"# {Plans.TitleIn(prompt)}\n\nText.");
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(15);

        var pages = await new PageWriter(NullLogger<PageWriter>.Instance)
            .WriteAsync(fixture.Run, plan, plan.Pages, alreadyDone: 0, maxConcurrentPages: 4, CancellationToken.None);

        Assert.Equal(15, pages.Count);
        Assert.Equal("# Page 7\n\nText.\n", pages["page-7"]);
        Assert.Equal(4, ai.MaxInFlight);
        var counts = fixture.Progress.OrderBy(p => p.Sequence).Select(p => p.PageCount).ToList();
        Assert.Equal(15, counts.Count);
        Assert.Equal(counts.Order(), counts);
        Assert.Equal(15, counts[^1]);
    }

    [Fact]
    public async Task A_page_whose_call_fails_gets_a_visible_placeholder()
    {
        var ai = new ScriptedAi().When("\"Page 2\"", _ => throw new AiCallFailedException("the tool crashed"))
            .When(PageMarker, prompt => $"# {Plans.TitleIn(prompt)}\n");
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(3);

        var pages = await new PageWriter(NullLogger<PageWriter>.Instance)
            .WriteAsync(fixture.Run, plan, plan.Pages, 0, 4, CancellationToken.None);

        Assert.Contains("could not be generated (the tool crashed)", pages["page-2"], StringComparison.Ordinal);
        Assert.Equal("# Page 1\n", pages["page-1"]);
    }

    [Fact]
    public async Task Answers_lose_reasoning_blocks_and_wrapping_fences()
    {
        var ai = new ScriptedAi().When(PageMarker, "<think>hmm, what to say</think>\n```markdown\n## Usage\n\nRun it.\n```");
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(1);

        var pages = await new PageWriter(NullLogger<PageWriter>.Instance).WriteAsync(fixture.Run, plan, plan.Pages, 0, 1, CancellationToken.None);

        Assert.Equal("# Page 1\n\n## Usage\n\nRun it.\n", pages["page-1"]);
    }

    [Fact]
    public async Task Validation_rewrites_a_flagged_page_once_without_the_invented_references()
    {
        var ai = new ScriptedAi()
            .When(ValidateMarker, prompt => prompt.Contains("\"Page 1\"", StringComparison.Ordinal) ? "[\"FrobnicateAsync\"]" : "[]")
            .When("Do not mention these", "# Page 1\n\nFixed.")
            .When(PageMarker, "# unused");
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(2);
        var writer = new PageWriter(NullLogger<PageWriter>.Instance);
        var pages = new Dictionary<string, string> { ["page-1"] = "# Page 1\n\nCall FrobnicateAsync.", ["page-2"] = "# Page 2\n" };

        var validated = await new PageValidator(writer, NullLogger<PageValidator>.Instance)
            .ValidateAsync(fixture.Run, plan, pages, 4, CancellationToken.None);

        Assert.Equal("# Page 1\n\nFixed.\n", validated["page-1"]);
        Assert.Equal("# Page 2\n", validated["page-2"]);
        Assert.Contains(ai.Prompts, p => p.Contains("Do not mention these", StringComparison.Ordinal) && p.Contains("FrobnicateAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_validator_keeps_the_pages_as_they_were()
    {
        var ai = new ScriptedAi().When(ValidateMarker, _ => throw new AiCallFailedException("timeout"));
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(1);
        var pages = new Dictionary<string, string> { ["page-1"] = "# Page 1\n" };

        var validated = await new PageValidator(new PageWriter(NullLogger<PageWriter>.Instance), NullLogger<PageValidator>.Instance)
            .ValidateAsync(fixture.Run, plan, pages, 1, CancellationToken.None);

        Assert.Equal("# Page 1\n", validated["page-1"]);
    }

    [Fact]
    public async Task Cross_linking_appends_the_related_pages_the_AI_names_and_drops_the_rest()
    {
        var ai = new ScriptedAi().When(RelatedMarker, "{\"page-1\": [\"page-2\", \"nope\", \"page-1\"], \"page-2\": []}");
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(2);
        var pages = new Dictionary<string, string> { ["page-1"] = "# Page 1\n\nSee [x](missing.html).\n", ["page-2"] = "# Page 2\n" };

        var linked = await new Linker(NullLogger<Linker>.Instance).LinkAsync(fixture.Run, plan, pages, CancellationToken.None);

        Assert.Contains("(page-2.md)", linked["page-1"], StringComparison.Ordinal); // the renderer turns .md links into .html
        Assert.DoesNotContain("nope", linked["page-1"], StringComparison.Ordinal);
        Assert.DoesNotContain("missing.html", linked["page-1"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_related_pages_call_still_applies_the_deterministic_fixes()
    {
        var ai = new ScriptedAi().When(RelatedMarker, _ => throw new AiCallFailedException("exit 1"));
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(1);
        var pages = new Dictionary<string, string> { ["page-1"] = "# Page 1\n\n[gone](missing.html)\n" };

        var linked = await new Linker(NullLogger<Linker>.Instance).LinkAsync(fixture.Run, plan, pages, CancellationToken.None);

        Assert.DoesNotContain("missing.html", linked["page-1"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_pages_kept_from_the_earlier_run_are_appended_without_asking_the_AI()
    {
        var ai = new ScriptedAi().When(RelatedMarker, "{\"page-1\": [\"page-3\"], \"page-2\": [\"page-3\"]}");
        using var fixture = new RunFixture(ai);
        var plan = PlanOf(3);
        var pages = new Dictionary<string, string>
        {
            ["page-1"] = "# Page 1\n\nText.\n", ["page-2"] = "# Page 2\n\nText.\n", ["page-3"] = "# Page 3\n",
        };
        var kept = new Dictionary<string, IReadOnlyList<string>> { ["page-1"] = ["page-2.md", "page-3"], ["page-2"] = [] };

        var linked = await new Linker(NullLogger<Linker>.Instance).LinkAsync(fixture.Run, plan, pages, CancellationToken.None, kept);

        Assert.Empty(ai.Prompts);
        Assert.Equal(
            "# Page 1\n\nText.\n\n## Related pages\n\n- [Page 2](page-2.md) — About part 2\n- [Page 3](page-3.md) — About part 3\n",
            linked["page-1"]);
        Assert.Equal("# Page 2\n\nText.\n", linked["page-2"]);
        Assert.Equal("# Page 3\n", linked["page-3"]);
    }
}
