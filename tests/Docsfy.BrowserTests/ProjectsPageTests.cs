using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>
/// The projects page with many projects: a filter (name, branch, model, owner, status), sorting, compact rows with a
/// relative "updated" time, the first line of a failure, "Open docs", and the project name opening that project.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_projects_page_filters_sorts_shows_compact_rows_and_opens_one_project()
    {
        // Names that sort differently by time and by name; "topic-2" before "topic-10" by name (natural order).
        var prefix = DocsfyAppFixture.UniqueName("many");
        string Name(string suffix) => $"{prefix}-{suffix}";
        var now = DateTime.UtcNow;
        await VariantRows.InsertAsync(fixture.Host, Name("topic-10"), "carol", "ready", provider: "cursor", model: "m1",
            updatedAt: now.AddMinutes(-5));
        var failed = await VariantRows.InsertAsync(fixture.Host, Name("topic-2"), "dave", "error", branch: "dev",
            provider: "claude", model: "m2", updatedAt: now.AddHours(-3));
        await VariantRows.SetAsync(fixture.Host, failed, "error_message", "Clone failed: the branch 'dev' does not exist.\nDetails for operators.");
        await VariantRows.InsertAsync(fixture.Host, Name("alpha"), "carol", "generating", provider: "gemini", model: "m3",
            updatedAt: now.AddMinutes(-1));
        // And one the filter leaves out, whatever else this app host holds.
        await VariantRows.InsertAsync(fixture.Host, DocsfyAppFixture.UniqueName("unrelated"), "carol");

        await using var tab = await Tab.OpenAsync(fixture, "projects-page");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var filter = page.GetByRole(AriaRole.Searchbox, new() { Name = "Filter" });
        var repositories = page.Locator("#project-tree .tree-repo");

        // Filtering by the shared part of the names: three projects, newest change first.
        await filter.FillAsync(prefix);
        await Assertions.Expect(page.Locator("#project-count")).ToHaveTextAsync(new Regex(@"^3 of \d+ variants match$"));
        await Assertions.Expect(repositories).ToHaveCountAsync(3);
        Assert.Equal([Name("alpha"), Name("topic-10"), Name("topic-2")], await ProjectNamesAsync(repositories));

        // By name, in natural order.
        await page.GetByLabel("Sort by").SelectOptionAsync("name");
        await Assertions.Expect(repositories.First).ToHaveAttributeAsync("data-project", Name("alpha"));
        Assert.Equal([Name("alpha"), Name("topic-2"), Name("topic-10")], await ProjectNamesAsync(repositories));

        // Compact rows: relative time, the first line of the failure only, Open docs where a site exists.
        var ready = page.VariantRow(Name("topic-10"), "cursor", "m1", "carol");
        // Inserted five minutes before now; a slow start of the page may add a minute.
        await Assertions.Expect(ready.Locator(".owner")).ToHaveTextAsync(new Regex("^owner carol · updated [56] min ago$"));
        await Assertions.Expect(ready.GetByRole(AriaRole.Link, new() { Name = "Open docs" }))
            .ToHaveAttributeAsync("href", $"/docs/{Name("topic-10")}/main/cursor/m1/?owner=carol");
        var error = page.VariantRow(Name("topic-2"), "claude", "m2", "dave", branch: "dev");
        await Assertions.Expect(error.Locator(".row-error")).ToHaveTextAsync("Clone failed: the branch 'dev' does not exist.");
        await Assertions.Expect(error).Not.ToContainTextAsync("Details for operators.");
        await Assertions.Expect(error).ToContainTextAsync("updated 3 h ago");
        await Assertions.Expect(error.GetByRole(AriaRole.Link, new() { Name = "Open docs" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "projects-filtered");

        // Several words narrow further: status, owner, branch, model.
        await filter.FillAsync($"{prefix} error");
        await Assertions.Expect(repositories).ToHaveCountAsync(1);
        await Assertions.Expect(repositories.First).ToHaveAttributeAsync("data-project", Name("topic-2"));
        await filter.FillAsync($"{prefix} carol gemini/m3");
        await Assertions.Expect(repositories).ToHaveCountAsync(1);
        await Assertions.Expect(repositories.First).ToHaveAttributeAsync("data-project", Name("alpha"));
        await filter.FillAsync($"{prefix} dev");
        await Assertions.Expect(repositories).ToHaveCountAsync(1);
        await filter.FillAsync($"{prefix} nothing-like-this");
        await Assertions.Expect(page.Locator("#no-match")).ToContainTextAsync("Nothing matches");

        // The project's name opens that project.
        await filter.FillAsync(prefix);
        await page.GetByRole(AriaRole.Link, new() { Name = Name("topic-10"), Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"#/projects/{Regex.Escape(Name("topic-10"))}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Name("topic-10"), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(repositories).ToHaveCountAsync(1);
        await Assertions.Expect(ready).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← All projects" }).ClickAsync();
        await Assertions.Expect(repositories).ToHaveCountAsync(3);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_aborted_run_says_who_stopped_it_and_that_the_earlier_site_is_still_served()
    {
        // An earlier run published a site on 2026-01-02; the latest run was aborted at 2 of the plan's 54 pages.
        var name = DocsfyAppFixture.UniqueName("stopped");
        var plan = "{\"navigation\":[{\"group\":\"All\",\"pages\":["
            + string.Join(',', Enumerable.Range(1, 54).Select(i => $"{{\"slug\":\"p{i}\"}}")) + "]}]}";
        var id = await VariantRows.InsertAsync(fixture.Host, name, "erin", "aborted", provider: "claude", model: "m4");
        await VariantRows.SetAsync(fixture.Host, id, "error_message", "Aborted by erin at generating_pages.");
        await VariantRows.SetAsync(fixture.Host, id, "last_generated", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        await VariantRows.SetAsync(fixture.Host, id, "page_count", 2);
        await VariantRows.SetAsync(fixture.Host, id, "plan_json", plan);

        await using var tab = await Tab.OpenAsync(fixture, "aborted-row");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var row = page.VariantRow(name, "claude", "m4", "erin");
        await Assertions.Expect(row.Locator(".row-error")).ToHaveTextAsync("Aborted by erin at generating_pages.");
        await Assertions.Expect(row.Locator(".row-error")).ToHaveClassAsync(new Regex("stopped-text"));
        await Assertions.Expect(row.Locator(".row-error")).Not.ToHaveClassAsync(new Regex("error-text"));
        await Assertions.Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuetext", "Earlier site still served");
        await Assertions.Expect(row).Not.ToContainTextAsync("of 54 pages");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Open docs" })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "claude/m4", Exact = true }).ClickAsync();
        var facts = page.Locator("#view-variant .facts");
        await Assertions.Expect(facts).ToContainTextAsync("Published siterun of 2026-01-02 03:04:05 UTC, still served");
        await Assertions.Expect(facts).ToContainTextAsync("Last runAborted by erin at generating_pages.");
        await Assertions.Expect(page.DetailProgress()).ToHaveAttributeAsync("aria-valuetext", "Earlier site still served");
        await Screenshots.SaveAsync(page, "variant-aborted", fullPage: true);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_failed_run_says_which_commits_site_is_still_served()
    {
        // The site of commit 1111… was published on 2026-02-03; the latest run, of commit 2222…, failed after cloning.
        var name = DocsfyAppFixture.UniqueName("failed");
        var id = await VariantRows.InsertAsync(fixture.Host, name, "erin", "error", provider: "claude", model: "m5");
        await VariantRows.SetAsync(fixture.Host, id, "error_message", "The AI's plan could not be read.");
        await VariantRows.SetAsync(fixture.Host, id, "last_generated", new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        await VariantRows.SetAsync(fixture.Host, id, "published_commit_sha", new string('1', 40));
        await VariantRows.SetAsync(fixture.Host, id, "last_commit_sha", new string('2', 40));
        await VariantRows.SetAsync(fixture.Host, id, "left_out", "150 of 180 guides shown (the first in name order).");

        await using var tab = await Tab.OpenAsync(fixture, "failed-row");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var row = page.VariantRow(name, "claude", "m5", "erin");
        await Assertions.Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuetext", "Earlier site still served");
        await row.GetByRole(AriaRole.Link, new() { Name = "claude/m5", Exact = true }).ClickAsync();

        var facts = page.Locator("#view-variant .facts");
        await Assertions.Expect(facts).ToContainTextAsync(
            "Published siterun of 2026-02-03 04:05:06 UTC, commit 111111111111, still served");
        await Assertions.Expect(facts).ToContainTextAsync("Last runfailed (the reason is above)");
        await Assertions.Expect(facts).ToContainTextAsync("Last run's commit222222222222");
        // What the served site left out, as its run reported it.
        await Assertions.Expect(facts).ToContainTextAsync("Left out of the site150 of 180 guides shown (the first in name order).");
        await Assertions.Expect(page.Locator("#detail-error")).ToHaveTextAsync("The AI's plan could not be read.");
        await Screenshots.SaveAsync(page, "variant-failed", fullPage: true);
        tab.AssertNoScriptErrors();
    }

    private static async Task<List<string>> ProjectNamesAsync(ILocator repositories)
    {
        var names = new List<string>();
        foreach (var repository in await repositories.AllAsync())
        {
            names.Add((await repository.GetAttributeAsync("data-project"))!);
        }
        return names;
    }
}
