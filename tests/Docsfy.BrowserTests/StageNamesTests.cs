using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>
/// Stage names and labels come from the API (<c>GET /api/vocabulary</c>), and a stage the API does not describe (a newer
/// worker's) is shown by its name rather than hidden.
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
}
