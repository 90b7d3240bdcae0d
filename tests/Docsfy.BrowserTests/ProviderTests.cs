using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>
/// The Generate form never starts a run that is doomed on arrival: it offers the providers this server can run first,
/// marks the others with the reason, and fills each provider's own default model (this app host can run claude, gemini
/// and offline; cursor, the server's default, and openai are not set up).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProviderTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_generate_form_offers_available_providers_first_marks_the_others_and_fills_their_own_default_model()
    {
        // Another user's ready gemini variant: its model name is a suggestion, never the form's default.
        var leftover = FakeAi.UniqueModel();
        await VariantRows.InsertAsync(fixture.Host, DocsfyAppFixture.UniqueName("leftover"), "someone-else", "ready",
            provider: BrowserFixture.GatedProvider, model: leftover);
        await using var tab = await Tab.OpenAsync(fixture, "providers");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Generate" }).ClickAsync();

        var provider = page.GetByLabel("AI provider");
        var model = page.GetByLabel("Model", new() { Exact = true });
        // The server's default (cursor) cannot run here, so the form starts on the first provider that can.
        await Assertions.Expect(provider).ToHaveValueAsync("claude");
        await Assertions.Expect(model).ToHaveValueAsync("sonnet");
        var options = await provider.Locator("option").AllAsync();
        var labels = new List<string>();
        foreach (var option in options)
        {
            labels.Add((await option.TextContentAsync())!);
        }
        Assert.Equal(["claude", "gemini", "offline", "cursor (not available here)", "openai (not available here)"], labels);
        await Assertions.Expect(provider.Locator("option[value=cursor]")).ToBeDisabledAsync();
        await Assertions.Expect(provider.Locator("option[value=claude]")).ToBeEnabledAsync();
        var hint = page.Locator("#gen-provider-hint");
        await Assertions.Expect(hint).ToContainTextAsync("Not available on this server: cursor, openai");
        await hint.Locator("summary").ClickAsync();
        await Assertions.Expect(hint).ToContainTextAsync("cursor: It needs the cursor-agent CLI");

        await provider.SelectOptionAsync(BrowserFixture.GatedProvider);
        await Assertions.Expect(model).ToHaveValueAsync("gemini-2.5-pro");
        await Assertions.Expect(page.Locator($"#model-options option[value=\"{leftover}\"]")).ToHaveCountAsync(1);
        await provider.SelectOptionAsync("offline");
        await Assertions.Expect(model).ToHaveValueAsync("markdown");
        await Screenshots.SaveAsync(page, "generate-providers");

        // A model offline does not have is refused by the server, and the reason is shown at the form.
        var repository = Repositories.Create("offline-model");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Local path on the server" }).CheckAsync();
        await page.Locator("#gen-source").FillAsync(repository);
        await model.FillAsync("gpt-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#gen-model-error")).ToContainTextAsync("has one model, 'markdown'");
        tab.AssertNoScriptErrors();
    }
}
