using System.Text.Json;
using Docsfy.Cli.Projects;
using Docsfy.Cli.Runs.Watch;

namespace Docsfy.UnitTests.Cli;

public sealed class RunStateTests
{
    private const string Plan = """{"project_name":"p","navigation":[{"group":"a","pages":[{"slug":"x"},{"slug":"y"}]},{"group":"b","pages":[{"slug":"z"}]}]}""";

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Progress_messages_fill_in_the_stage_pages_and_the_plans_size()
    {
        var state = RunState.Starting
            .With(Json("""{"type":"progress","status":"generating","current_stage":"planning"}"""))
            .With(Json($$"""{"type":"progress","status":"generating","current_stage":"generating_pages","page_count":2,"plan_json":{{JsonSerializer.Serialize(Plan)}}}"""));

        Assert.Equal("generating_pages", state.Stage);
        Assert.Equal(2, state.PageCount);
        Assert.Equal(3, state.Total);
        Assert.Equal("Writing pages 2/3", RunText.Progress(state));
        Assert.False(state.IsTerminal);
    }

    [Fact]
    public void Before_page_writing_the_plan_on_record_is_the_previous_runs_and_gives_no_total()
    {
        var state = RunState.Starting.With(Json($$"""{"current_stage":"cloning","plan_json":{{JsonSerializer.Serialize(Plan)}}}"""));

        Assert.Null(state.Total);
        Assert.Equal("Cloning", RunText.Progress(state));
    }

    [Fact]
    public void A_status_change_ends_the_run_with_its_error_text()
    {
        var state = RunState.Starting.With(Json("""{"type":"status_change","status":"aborted","error_message":"Aborted by admin at planning."}"""));

        Assert.True(state.IsTerminal);
        Assert.Equal("Aborted by admin at planning.", state.ErrorMessage);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"navigation":"nope"}""")]
    [InlineData("[]")]
    public void An_unreadable_plan_has_no_size(string plan) => Assert.Null(PlanSize.Pages(plan));

    [Fact]
    public void Hub_messages_are_matched_by_name_branch_provider_model_and_owner()
    {
        var run = new VariantId("repo", "main", "offline", "markdown", "alice");

        Assert.True(run.IsSubjectOf(Json("""{"name":"repo","branch":"main","provider":"offline","model":"markdown","owner":"Alice"}""")));
        Assert.False(run.IsSubjectOf(Json("""{"name":"repo","branch":"main","provider":"offline","model":"markdown","owner":"bob"}""")));
        Assert.False(run.IsSubjectOf(Json("""{"name":"repo","branch":"dev","provider":"offline","model":"markdown","owner":"alice"}""")));
        Assert.True(run.Is(Json("""{"name":"repo","branch":"main","ai_provider":"offline","ai_model":"markdown","owner":"alice"}""")));
        Assert.False(run.IsSubjectOf(Json("""{"name":42}""")));
    }

    [Fact]
    public void Docs_links_name_the_owner_only_when_it_is_someone_else()
    {
        var server = new Uri("http://localhost:8000/");
        var run = new VariantId("my repo", "main", "offline", "markdown", "alice");

        Assert.Equal("http://localhost:8000/docs/my%20repo/main/offline/markdown/", DocsUrl.For(server, run, "alice").AbsoluteUri);
        Assert.Equal("http://localhost:8000/docs/my%20repo/main/offline/markdown/?owner=alice", DocsUrl.For(server, run, "admin").AbsoluteUri);
    }
}
