using Docsfy.Worker.Pipeline;

namespace Docsfy.WorkerTests.Pipeline;

public sealed class OfflineDocumenterTests
{
    [Fact]
    public void The_repository_documents_itself_without_any_AI()
    {
        using var fixture = new RunFixture(ai: null, new Dictionary<string, string>
        {
            ["README.md"] = "# Widget\n\nWidgets for everyone.\n\n## Install\n\nRun make.\n",
            ["docs/getting-started.md"] = "# Getting started\n\nStep one.\n",
            ["docs/FAQ.md"] = "Questions.\n",
            ["src/widget.c"] = "int main() { return 0; }\n",
            ["src/util/strings.c"] = "\n",
            ["tests/test_widget.c"] = "\n",
        });
        var documenter = new OfflineDocumenter();

        var offline = documenter.Plan(fixture.Run.Repository, "widget", repoType: null);
        var plan = offline.Plan;

        Assert.Equal("Widgets for everyone.", plan.Tagline);
        Assert.Equal(["overview", "docs-faq", "docs-getting-started", "source-tree", "folder-src", "folder-tests"],
            plan.Pages.Select(p => p.Slug));
        Assert.Equal("Getting started", plan.Pages.Single(p => p.Slug == "docs-getting-started").Title);
        Assert.StartsWith("# Widget\n\nWidgets for everyone.", documenter.WritePage(fixture.Run.Repository, offline, plan.Pages.First()), StringComparison.Ordinal);
        Assert.StartsWith("# FAQ\n\nQuestions.", documenter.WritePage(fixture.Run.Repository, offline, plan.Pages.Single(p => p.Slug == "docs-faq")), StringComparison.Ordinal);
        var src = documenter.WritePage(fixture.Run.Repository, offline, plan.Pages.Single(p => p.Slug == "folder-src"));
        Assert.Contains("src/util/strings.c", src, StringComparison.Ordinal);
        Assert.Contains("2 files.", src, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_without_a_readme_still_gets_an_overview()
    {
        using var fixture = new RunFixture(ai: null, new Dictionary<string, string> { ["main.py"] = "print(1)\n" });
        var documenter = new OfflineDocumenter();

        var offline = documenter.Plan(fixture.Run.Repository, "tiny", "app");

        Assert.Equal(["overview", "source-tree"], offline.Plan.Pages.Select(p => p.Slug));
        Assert.Contains("has no README", documenter.WritePage(fixture.Run.Repository, offline, offline.Plan.Pages.First()), StringComparison.Ordinal);
    }

    [Fact]
    public void Guides_come_in_natural_order_and_the_source_tree_says_what_was_left_out()
    {
        var files = new Dictionary<string, string> { ["README.md"] = "# Many\n\nMany guides.\n" };
        for (var i = 1; i <= OfflineDocumenter.MaxDocsPages + 10; i++)
        {
            files[$"docs/topic-{i}.md"] = $"# Topic {i}\n\nText.\n";
        }
        using var fixture = new RunFixture(ai: null, files);
        var documenter = new OfflineDocumenter();

        var offline = documenter.Plan(fixture.Run.Repository, "many", repoType: null);

        var guides = offline.Plan.Navigation.Single(group => group.Group == "Guides").Pages.Select(p => p.Title).ToList();
        Assert.Equal(OfflineDocumenter.MaxDocsPages, guides.Count);
        Assert.Equal(["Topic 1", "Topic 2", "Topic 3"], guides.Take(3));
        Assert.Equal("Topic 10", guides[9]);
        var tree = documenter.WritePage(fixture.Run.Repository, offline, offline.Plan.Pages.Single(p => p.Slug == "source-tree"));
        Assert.Contains($"{OfflineDocumenter.MaxDocsPages} of {OfflineDocumenter.MaxDocsPages + 10} guides shown", tree, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_that_left_nothing_out_says_nothing_about_it()
    {
        using var fixture = new RunFixture(ai: null, new Dictionary<string, string> { ["docs/a.md"] = "# A\n", ["src/x.c"] = "\n" });
        var documenter = new OfflineDocumenter();
        var offline = documenter.Plan(fixture.Run.Repository, "small", repoType: null);

        var tree = documenter.WritePage(fixture.Run.Repository, offline, offline.Plan.Pages.Single(p => p.Slug == "source-tree"));

        Assert.DoesNotContain("leaves things out", tree, StringComparison.Ordinal);
    }
}
