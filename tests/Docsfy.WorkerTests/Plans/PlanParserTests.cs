using System.Text.Json;
using Docsfy.Worker.Plans;

namespace Docsfy.WorkerTests.Plans;

public sealed class PlanParserTests
{
    private const string ValidPlan = """
        {
          "project_name": "docsfy",
          "tagline": "Docs from repos",
          "repo_type": "app",
          "navigation": [
            {"group": "Getting started", "pages": [
              {"slug": "intro", "title": "Introduction", "description": "What it is", "type": "guide"},
              {"slug": "install", "title": "Install", "description": "How to install", "type": "recipe"}
            ]},
            {"group": "Reference", "pages": [
              {"slug": "api", "title": "API", "description": "Endpoints", "type": "reference"}
            ]}
          ]
        }
        """;

    [Fact]
    public void A_valid_plan_in_a_fence_with_prose_is_parsed()
    {
        var plan = PlanParser.Parse($"<think>Let me explore.</think>Here is the plan:\n```json\n{ValidPlan}\n```\nDone.");

        Assert.Equal("docsfy", plan.ProjectName);
        Assert.Equal("Docs from repos", plan.Tagline);
        Assert.Equal("app", plan.RepoType);
        Assert.Equal(["Getting started", "Reference"], plan.Navigation.Select(group => group.Group));
        Assert.Equal(["intro", "install", "api"], plan.Pages.Select(page => page.Slug));
        Assert.Equal(["guide", "recipe", "reference"], plan.Pages.Select(page => page.Type));
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("../../x", "x")]
    [InlineData("Getting Started!", "getting-started")]
    [InlineData("  API/Reference  ", "api-reference")]
    [InlineData("C:\\Windows\\system32", "c-windows-system32")]
    [InlineData("héllo wörld", "h-llo-w-rld")]
    public void Slugs_are_restricted_to_lowercase_letters_digits_and_dashes(string given, string expected)
    {
        var plan = PlanParser.Parse(PlanWithPages($$"""{"slug": {{Quote(given)}}, "title": "T"}"""));

        Assert.Equal(expected, Assert.Single(plan.Pages).Slug);
    }

    [Theory]
    [InlineData("\"../..\"")]
    [InlineData("\"///\"")]
    [InlineData("\"日本語\"")]
    public void Pages_whose_slug_has_nothing_usable_are_dropped(string slug)
    {
        var plan = PlanParser.Parse(PlanWithPages($$"""{"slug": {{slug}}, "title": "Gone"}""", """{"slug": "kept", "title": "Kept"}"""));

        Assert.Equal(["kept"], plan.Pages.Select(page => page.Slug));
    }

    [Fact]
    public void A_missing_slug_comes_from_the_title()
    {
        var plan = PlanParser.Parse(PlanWithPages("""{"title": "Configuration Options"}"""));

        Assert.Equal("configuration-options", Assert.Single(plan.Pages).Slug);
    }

    [Fact]
    public void Duplicate_and_reserved_slugs_get_a_suffix()
    {
        var plan = PlanParser.Parse(PlanWithPages(
            """{"slug": "intro", "title": "A"}""",
            """{"slug": "Intro", "title": "B"}""",
            """{"slug": "intro", "title": "C"}""",
            """{"slug": "index", "title": "D"}""",
            """{"slug": "all", "title": "E"}"""));

        Assert.Equal(["intro", "intro-2", "intro-3", "index-2", "all-2"], plan.Pages.Select(page => page.Slug));
    }

    [Fact]
    public void Markup_in_titles_stays_text_but_control_characters_are_removed()
    {
        var plan = PlanParser.Parse(PlanWithPages(
            """{"slug": "x", "title": "<script>alert(1)</script>\u0000\u001b[31m Title\r\nnext\u202E", "description": "line1\n\tline2"}"""));

        var page = Assert.Single(plan.Pages);
        Assert.Equal("<script>alert(1)</script> [31m Title next", page.Title);
        Assert.Equal("line1 line2", page.Description);
    }

    [Fact]
    public void Long_text_is_capped()
    {
        var plan = PlanParser.Parse(PlanWithPages(
            $$"""{"slug": "{{new string('s', 500)}}", "title": "{{new string('t', 500)}}", "description": "{{new string('d', 5000)}}"}"""));

        var page = Assert.Single(plan.Pages);
        Assert.Equal(Slug.MaxLength, page.Slug.Length);
        Assert.Equal(PlanParser.MaxTitleLength, page.Title.Length);
        Assert.Equal(PlanParser.MaxDescriptionLength, page.Description.Length);
        Assert.EndsWith("…", page.Title);
    }

    [Fact]
    public void Unknown_types_fall_back_to_defaults()
    {
        var plan = PlanParser.Parse("""
            {"project_name": "p", "repo_type": "Monorepo", "navigation": [
              {"group": "G", "pages": [{"slug": "a", "title": "A", "type": "tutorial"}, {"slug": "b", "title": "B", "type": " Concept "}]}
            ]}
            """);

        Assert.Equal("app", plan.RepoType);
        Assert.Equal(["guide", "concept"], plan.Pages.Select(page => page.Type));
    }

    [Fact]
    public void Missing_fields_get_defaults()
    {
        var plan = PlanParser.Parse("""{"navigation": [{"pages": [{"slug": "getting-started"}]}]}""", "my-repo");

        Assert.Equal("my-repo", plan.ProjectName);
        Assert.Equal("", plan.Tagline);
        Assert.Equal("Documentation", Assert.Single(plan.Navigation).Group);
        var page = Assert.Single(plan.Pages);
        Assert.Equal("Getting started", page.Title);
        Assert.Equal("", page.Description);
    }

    [Fact]
    public void Pages_and_groups_are_capped()
    {
        var pages = Enumerable.Range(1, 50).Select(n => $$"""{"slug": "p{{n}}", "title": "P{{n}}"}""");
        var groups = Enumerable.Range(1, 30).Select(n => $$"""{"group": "G{{n}}", "pages": [{{string.Join(",", pages)}}]}""");

        var plan = PlanParser.Parse($$"""{"navigation": [{{string.Join(",", groups)}}]}""");

        Assert.Equal(PlanParser.MaxPages, plan.Pages.Count());
        Assert.Equal(PlanParser.MaxPages, plan.Pages.Select(page => page.Slug).Distinct().Count());
        Assert.True(plan.Navigation.Count <= PlanParser.MaxGroups);
    }

    [Fact]
    public void Groups_without_valid_pages_are_left_out()
    {
        var plan = PlanParser.Parse("""
            {"navigation": [{"group": "Empty", "pages": []}, {"group": "Junk", "pages": [42, "x", null]},
                            "not a group", {"group": "Real", "pages": [{"slug": "a", "title": "A"}]}]}
            """);

        Assert.Equal("Real", Assert.Single(plan.Navigation).Group);
    }

    [Fact]
    public void A_flat_page_list_becomes_one_group()
    {
        var plan = PlanParser.Parse("""{"project_name": "p", "pages": [{"slug": "a", "title": "A"}]}""");

        Assert.Equal(["a"], plan.Pages.Select(page => page.Slug));
    }

    [Theory]
    [InlineData("I'm sorry, I cannot access the repository.", "no JSON object")]
    [InlineData("[\"intro\"]", "no JSON object")]
    [InlineData("{\"project_name\": \"p\"}", "no \"navigation\" list")]
    [InlineData("{\"navigation\": []}", "no valid pages")]
    [InlineData("{\"navigation\": [{\"group\": \"G\", \"pages\": [{\"slug\": \"...\"}]}]}", "no valid pages")]
    public void Unusable_plans_fail_with_a_clear_message(string answer, string expected)
    {
        var failure = Assert.Throws<InvalidPlanException>(() => PlanParser.Parse(answer));

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void A_parsed_plan_is_valid_again_when_read_back()
    {
        var plan = PlanParser.Parse(ValidPlan);
        var json = JsonSerializer.SerializeToElement(plan);

        Assert.Equal(plan.Pages, PlanParser.FromJson(json).Pages);
    }

    [Fact]
    public void A_stored_plan_reads_back_as_the_same_plan()
    {
        var plan = PlanParser.Parse(ValidPlan);

        var stored = PlanParser.TryReadStored(JsonSerializer.Serialize(plan));

        Assert.NotNull(stored);
        Assert.Equal((plan.ProjectName, plan.Tagline, plan.RepoType), (stored.ProjectName, stored.Tagline, stored.RepoType));
        Assert.Equal(plan.Navigation.Select(group => group.Group), stored.Navigation.Select(group => group.Group));
        Assert.Equal(plan.Pages, stored.Pages);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{\"project_name\": ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"a plan\"")]
    [InlineData("{}")]
    [InlineData("{\"project_name\": \"p\", \"navigation\": []}")]
    [InlineData("{\"navigation\": [{\"group\": \"G\", \"pages\": [{\"slug\": \"!!!\"}]}]}")]
    public void A_stored_plan_that_no_longer_reads_as_a_plan_is_null(string? planJson)
    {
        Assert.Null(PlanParser.TryReadStored(planJson));
    }

    private static string PlanWithPages(params string[] pages) =>
        $$"""{"project_name": "p", "tagline": "t", "repo_type": "library", "navigation": [{"group": "G", "pages": [{{string.Join(",", pages)}}]}]}""";

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
