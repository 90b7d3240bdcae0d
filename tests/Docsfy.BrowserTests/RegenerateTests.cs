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

    [Fact]
    public async Task The_generate_form_says_which_variant_another_model_replaces_and_the_new_one_writes_every_page()
    {
        using var client = fixture.Host.Client();
        var repository = Repositories.Create("replace");
        var name = Repositories.NameOf(repository);
        await Repositories.StartOfflineRunAsync(fixture.Host, repository, "main");
        await using var tab = await Tab.OpenAsync(fixture, "replace");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.ReadyOfflineRowAsync(name);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Generate" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Local path on the server" }).CheckAsync();
        await page.Locator("#gen-source").FillAsync(repository);
        var note = page.Locator("#gen-replace-note");
        // The same provider and model as the ready variant replaces nothing.
        await page.GetByLabel("AI provider").SelectOptionAsync("offline");
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync("markdown");
        await Assertions.Expect(note).ToBeHiddenAsync();
        var model = FakeAi.UniqueModel();
        await page.GetByLabel("AI provider").SelectOptionAsync(BrowserFixture.GatedProvider);
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync(model);
        await Assertions.Expect(note).ToContainTextAsync("This will replace offline/markdown once ready");
        await page.GetByLabel("Force: regenerate every page, reuse and replace nothing").CheckAsync();
        await Assertions.Expect(note).ToContainTextAsync("offline/markdown stays");
        await page.GetByLabel("Force: regenerate every page, reuse and replace nothing").UncheckAsync();
        await Assertions.Expect(note).ToContainTextAsync("This will replace offline/markdown once ready");
        await Screenshots.SaveAsync(page, "generate-replaces");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();

        // Ready in full (not "up to date"), its pages written by the new model; the offline variant is gone.
        await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("ready", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator(".timeline .step-done")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Link, new() { Name = "← All projects" }).ClickAsync();
        await Assertions.Expect(page.VariantRow(name, BrowserFixture.GatedProvider, model, "admin")).ToHaveAttributeAsync("data-status", "ready");
        await Assertions.Expect(page.VariantRow(name, "offline", "markdown", "admin")).ToHaveCountAsync(0);
        var variant = await VariantAsync(client, name);
        Assert.Equal(model, variant.GetProperty("ai_model").GetString());
        Assert.Equal(JsonValueKind.Null, variant.GetProperty("current_stage").ValueKind);
        var usage = (await client.GetAsync($"/docs/{name}/main/{BrowserFixture.GatedProvider}/{model}/usage.md", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Contains($"Written as model {model}.", usage.Body, StringComparison.Ordinal);
        tab.AssertNoScriptErrors();
    }

    /// <summary>The one variant of <paramref name="name"/>, as the REST API reports it.</summary>
    private static async Task<JsonElement> VariantAsync(DocsfyClient client, string name) =>
        Assert.Single((await client.GetAsync($"/api/projects/{name}", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK)
            .Json.GetProperty("variants").EnumerateArray());
}
