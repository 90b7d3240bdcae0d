using Docsfy.Worker.Ai;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Pipeline;
using Docsfy.Worker.Plans;
using Docsfy.WorkerTests.Cloning;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docsfy.WorkerTests.Pipeline;

public sealed class PageUpdaterTests : IDisposable
{
    private const string UpdateMarker = "Update the documentation page";
    private const string PageMarker = "Write the documentation page";
    private const string Earlier = "# Page 1\n\nThe server listens on port 80 (see `src/server.cs`).\n\nRun it with `serve`.\n";

    private static readonly DocumentationPlan Plan = PlanParser.Parse(Plans.Json(2));
    private readonly SourceRepository _source = new();
    private readonly RepositoryDiff _diff;

    public PageUpdaterTests()
    {
        var before = _source.Commit("first", ("src/server.cs", "port = 80;\n"), ("src/other.cs", "x = 1;\n"));
        var after = _source.Commit("second", ("src/server.cs", "port = 8080;\n"), ("src/other.cs", "x = 2;\n"));
        _diff = RepositoryDiff.Between(_source.Path, before, after);
    }

    [Fact]
    public async Task Replacements_that_apply_edit_the_page_with_one_call()
    {
        var ai = new ScriptedAi()
            .When(UpdateMarker, """{"replacements": [{"old": "port 80 ", "new": "port 8080 "}]}""")
            .When(PageMarker, "# Page 1\n\nWritten in full.");
        using var fixture = new RunFixture(ai);

        var pages = await UpdatePage1Async(fixture, Earlier);

        Assert.Equal(Earlier.Replace("port 80 ", "port 8080 ", StringComparison.Ordinal), pages["page-1"]);
        var prompt = Assert.Single(ai.Prompts);
        Assert.Contains("+port = 8080;", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("x = 2", prompt, StringComparison.Ordinal); // only the patch of the file the page mentions
        Assert.False(fixture.Run.IsPlaceholder("page-1"));
    }

    [Theory]
    [InlineData("""{"replacements": [{"old": "server", "new": "service"}]}""")] // twice in the page
    [InlineData("""{"replacements": [{"old": "port 81", "new": "port 8080"}]}""")] // not in the page
    [InlineData("""{"replacements": [{"old": "listens on port", "new": "a"}, {"old": "port 80 ", "new": "b"}]}""")] // overlapping
    [InlineData("""{"replacements": [{"old": "", "new": "x"}]}""")] // empty
    [InlineData("""{"replacements": [{"old": "port 80 "}]}""")] // malformed
    [InlineData("""{"replacements": [{"old": "# Page 1", "new": "Page one"}]}""")] // the title heading removed
    public Task Replacements_that_do_not_apply_cleanly_mean_the_page_is_written_in_full(string answer) =>
        AssertWrittenInFullAfterAsync(answer);

    [Theory]
    [InlineData("<think>rewrite it</think>\n# Page 1\n\nThe server listens on port 8080.")]
    [InlineData("```markdown\n# Page 1\n\nThe server listens on port 8080.\n```")]
    public async Task A_whole_new_page_as_the_answer_is_used(string answer)
    {
        var ai = new ScriptedAi().When(UpdateMarker, answer);
        using var fixture = new RunFixture(ai);

        var pages = await UpdatePage1Async(fixture, Earlier);

        Assert.Equal("# Page 1\n\nThe server listens on port 8080.\n", pages["page-1"]);
        Assert.Single(ai.Prompts);
    }

    [Theory]
    [InlineData("I updated the port number for you.")]
    [InlineData("""{"changes": ["port"]}""")]
    [InlineData("```\nI cannot see the repository.\n```")]
    [InlineData("")]
    public Task An_answer_that_is_neither_edits_nor_a_page_means_the_page_is_written_in_full(string answer) =>
        AssertWrittenInFullAfterAsync(answer);

    [Fact]
    public async Task A_failed_update_call_means_the_page_is_written_in_full()
    {
        var ai = new ScriptedAi().When(PageMarker, "# Page 1\n\nWritten in full."); // no rule: the update call fails
        using var fixture = new RunFixture(ai);

        var pages = await UpdatePage1Async(fixture, Earlier);

        Assert.Equal("# Page 1\n\nWritten in full.\n", pages["page-1"]);
        Assert.Contains(ai.Prompts, prompt => prompt.Contains(UpdateMarker, StringComparison.Ordinal));
        Assert.False(fixture.Run.IsPlaceholder("page-1"));
    }

    [Fact]
    public async Task When_the_full_write_fails_too_the_page_is_a_placeholder()
    {
        using var fixture = new RunFixture(new ScriptedAi());

        var pages = await UpdatePage1Async(fixture, Earlier);

        Assert.Contains("could not be generated", pages["page-1"], StringComparison.Ordinal);
        Assert.True(fixture.Run.IsPlaceholder("page-1"));
    }

    [Fact]
    public async Task A_page_the_earlier_run_did_not_have_is_written_in_full()
    {
        var ai = new ScriptedAi().When(UpdateMarker, "# unused").When(PageMarker, prompt => $"# {Plans.TitleIn(prompt)}\n\nNew.");
        using var fixture = new RunFixture(ai);

        var pages = await new PageUpdater(new PageWriter(NullLogger<PageWriter>.Instance), NullLogger<PageUpdater>.Instance)
            .UpdateAsync(fixture.Run, Plan, [.. Plan.Pages], new Dictionary<string, string> { ["page-1"] = Earlier }, _diff,
                alreadyDone: 0, maxConcurrentPages: 2, CancellationToken.None);

        Assert.Equal("# Page 2\n\nNew.\n", pages["page-2"]);
        Assert.Equal("# unused\n", pages["page-1"]);
        Assert.Single(ai.Prompts, prompt => prompt.Contains(UpdateMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_related_pages_section_is_neither_shown_to_the_AI_nor_kept_in_the_result()
    {
        var ai = new ScriptedAi()
            .When(UpdateMarker, """{"replacements": [{"old": "Run it with", "new": "Start it with"}]}""");
        using var fixture = new RunFixture(ai);
        var earlier = Earlier + "\n## Related pages\n\n- [Page 2](page-2.md) — About part 2\n";

        var pages = await UpdatePage1Async(fixture, earlier);

        Assert.Equal(Earlier.Replace("Run it with", "Start it with", StringComparison.Ordinal) + "\n", pages["page-1"]);
        var shown = await File.ReadAllTextAsync(Path.Combine(fixture.Run.ScratchDirectory, "previous-page-1.md"));
        Assert.Equal(Earlier + "\n", shown);
        Assert.DoesNotContain("Related pages", ai.Prompts.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_count_rises_from_the_pages_already_done()
    {
        var ai = new ScriptedAi().When(UpdateMarker, """{"replacements": []}""");
        using var fixture = new RunFixture(ai);
        var previous = Plan.Pages.ToDictionary(page => page.Slug, page => $"# {page.Title}\n\nText.\n");

        var pages = await new PageUpdater(new PageWriter(NullLogger<PageWriter>.Instance), NullLogger<PageUpdater>.Instance)
            .UpdateAsync(fixture.Run, Plan, [.. Plan.Pages], previous, _diff, alreadyDone: 3, maxConcurrentPages: 2,
                CancellationToken.None);

        Assert.Equal(previous.OrderBy(page => page.Key), pages.OrderBy(page => page.Key));
        Assert.Equal([4, 5], fixture.Progress.OrderBy(p => p.Sequence).Select(p => p.PageCount));
    }

    /// <summary>The update call answers <paramref name="answer"/>; the page must then come from a second, full write.</summary>
    private async Task AssertWrittenInFullAfterAsync(string answer)
    {
        var ai = new ScriptedAi().When(UpdateMarker, answer).When(PageMarker, "# Page 1\n\nWritten in full.");
        using var fixture = new RunFixture(ai);

        var pages = await UpdatePage1Async(fixture, Earlier);

        Assert.Equal("# Page 1\n\nWritten in full.\n", pages["page-1"]);
        Assert.Equal(2, ai.Prompts.Count);
    }

    private Task<IReadOnlyDictionary<string, string>> UpdatePage1Async(RunFixture fixture, string earlier) =>
        new PageUpdater(new PageWriter(NullLogger<PageWriter>.Instance), NullLogger<PageUpdater>.Instance)
            .UpdateAsync(fixture.Run, Plan, [Plan.Pages.First()], new Dictionary<string, string> { ["page-1"] = earlier }, _diff,
                alreadyDone: 0, maxConcurrentPages: 1, CancellationToken.None);

    public void Dispose() => _source.Dispose();
}
