using System.Net;
using System.Text.Json;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RegenerateTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Regenerate_with_force_starts_a_new_full_run_of_the_variant_from_its_detail_page()
    {
        using var client = fixture.Host.Client();
        var name = await Repositories.StartOfflineRunAsync(fixture.Host, "regenerate");
        await using var tab = await Tab.OpenAsync(fixture, "regenerate");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await tab.MarkLoadedPageAsync();
        var row = await page.ReadyOfflineRowAsync(name);
        var first = await VariantAsync(client, name);

        await row.GetByRole(AriaRole.Link, new() { Name = "offline/markdown" }).ClickAsync();
        await page.Button("Regenerate…").ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Regenerate" });
        await Assertions.Expect(form.GetByLabel("Model", new() { Exact = true })).ToHaveValueAsync("markdown");
        await form.GetByLabel("Force: regenerate every page, reuse and replace nothing").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        // A new run of the same variant (a new generation id), done in full (forced: not "up to date").
        var second = first;
        await Eventually.HoldsAsync(async () =>
        {
            second = await VariantAsync(client, name);
            return second.GetProperty("generation_id").GetString() != first.GetProperty("generation_id").GetString()
                && second.GetProperty("status").GetString() == "ready";
        }, "the regenerated run to be ready", TimeSpan.FromSeconds(90));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("current_stage").ValueKind);
        // The detail page followed it without a reload.
        await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("ready");
        await Assertions.Expect(page.Locator(".timeline .step-done")).ToHaveCountAsync(6);
        await tab.AssertNotReloadedAsync();
        tab.AssertNoScriptErrors();
    }

    /// <summary>The one variant of <paramref name="name"/>, as the REST API reports it.</summary>
    private static async Task<JsonElement> VariantAsync(DocsfyClient client, string name) =>
        Assert.Single((await client.GetAsync($"/api/projects/{name}", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK)
            .Json.GetProperty("variants").EnumerateArray());
}
