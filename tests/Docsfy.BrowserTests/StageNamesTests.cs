using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>
/// Stage names and labels come from the API (<c>GET /api/vocabulary</c>); a stage the API does not describe (a newer
/// worker's) is shown by its name rather than hidden, and a run no worker has taken says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StageNamesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_stage_the_api_does_not_describe_is_shown_by_its_name_in_the_row_and_on_the_run_page()
    {
        var name = DocsfyAppFixture.UniqueName("newer-stage");
        var run = await VariantRows.InsertAsync(fixture.Host, name, "admin", "generating");
        await VariantRows.SetAsync(fixture.Host, run, "current_stage", "summarizing_history");
        await using var tab = await Tab.OpenAsync(fixture, "newer-stage");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);

        var row = page.VariantRow(name, "cursor", "gpt-5", "admin");
        await Assertions.Expect(row.Locator(".stage")).ToHaveTextAsync("summarizing_history");

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/variant/{name}/main/cursor/gpt-5/admin");
        await Assertions.Expect(page.Locator("#detail-stage")).ToHaveTextAsync("summarizing_history");
        // It has no place in the timeline: no known step is claimed to be current.
        await Assertions.Expect(page.Locator(".timeline .step")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".timeline [data-state=current]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".timeline [data-stage=generating_pages] .step-label")).ToHaveTextAsync("Writing pages");
    }

    [Fact]
    public async Task A_run_no_worker_has_taken_says_it_waits_for_a_worker_and_why()
    {
        var name = DocsfyAppFixture.UniqueName("waiting");
        await VariantRows.InsertAsync(fixture.Host, name, "admin", "generating", updatedAt: DateTime.UtcNow.AddMinutes(-3));
        await using var tab = await Tab.OpenAsync(fixture, "waiting");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);

        var row = page.VariantRow(name, "cursor", "gpt-5", "admin");
        await Assertions.Expect(row.Locator(".stage")).ToHaveTextAsync("waiting for a worker");

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/variant/{name}/main/cursor/gpt-5/admin");
        // The browser tests' worker is alive, and this inserted run was never sent to it: the API can only say the
        // workers have not taken it, i.e. they are busy.
        await Assertions.Expect(page.Locator("#detail-stage"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Waiting for a worker \([34] min\): every worker is busy$"));
    }
}
