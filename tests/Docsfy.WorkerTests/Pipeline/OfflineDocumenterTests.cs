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
}
