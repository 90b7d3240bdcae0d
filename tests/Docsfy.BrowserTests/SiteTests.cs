using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>What a reader of a generated site sees: its navigation in the order people read names, and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_generated_site_lists_its_guides_in_natural_order()
    {
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("natural"), new Dictionary<string, string>(Repositories.Sample)
        {
            ["docs/topic-10.md"] = "# Topic 10\n\nThe tenth.\n",
            ["docs/topic-2.md"] = "# Topic 2\n\nThe second.\n",
        });
        var (name, tab) = await ReadySiteAsync(repository, "natural-order");
        await using var _ = tab;
        var page = tab.Page;

        await page.GotoAsync($"/docs/{name}/main/offline/markdown/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/docs/{name}/main/offline/markdown/$"));
        // The start page's links, by the page each one opens.
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))");
        var second = Array.IndexOf(links, "docs-topic-2.html");
        var tenth = Array.IndexOf(links, "docs-topic-10.html");
        Assert.True(second >= 0 && tenth >= 0, $"The site links to both topics: {string.Join(" | ", links)}");
        Assert.True(second < tenth, $"Topic 2 comes before Topic 10: {string.Join(" | ", links)}");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task At_phone_width_a_menu_button_brings_the_page_list_above_the_page()
    {
        var name = await Repositories.StartOfflineRunAsync(fixture.Host, "phone-menu");
        await using var tab = await Tab.OpenAsync(fixture, "phone-menu", width: 390, height: 844);
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.ReadyOfflineRowAsync(name);

        await page.GotoAsync($"/docs/{name}/main/offline/markdown/source-tree.html");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages", Exact = true });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True(await TopOfAsync(nav) > await TopOfAsync(page.Locator("main, .content").First), "Closed, the list comes after the page.");

        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await TopOfAsync(nav) < await TopOfAsync(page.Locator("main, .content").First), "Open, the list comes before the page.");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Source tree" })).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "site-phone-menu");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeFocusedAsync();

        // Wide screens show the list beside the page and need no button.
        await page.SetViewportSizeAsync(1280, 860);
        await Assertions.Expect(menu).ToBeHiddenAsync();
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_page_shows_the_picture_its_repository_holds_instead_of_its_alt_text()
    {
        // A 96×48 blue PNG, referenced by the README as people write it on a forge.
        var picture = Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAGAAAAAwCAIAAABhdOiYAAAAVklEQVR42u3QQQkAAAgEsCtjMuNbwgb+hcESLNXDIQoECRIkSJAgQYIQJEiQIEGCBAlCkCBBggQJEiQIQYIECRIkSJAgQQgSJEiQIEGCBCFIkCBBgn5YxUEXh1Dd5x0AAAAASUVORK5CYII=");
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("picture"), new Dictionary<string, string>(Repositories.Sample)
        {
            ["README.md"] = "# Sample library\n\nA sample library that the browser tests document.\n\n![The architecture](docs/images/architecture.png)\n",
        });
        GitRepositories.CommitBytes(repository, "docs/images/architecture.png", picture, "Add the architecture picture");
        var (name, tab) = await ReadySiteAsync(repository, "site-picture");
        await using var _ = tab;
        var page = tab.Page;

        await page.GotoAsync($"/docs/{name}/main/offline/markdown/overview.html");
        var image = page.GetByRole(AriaRole.Img, new() { Name = "The architecture" });
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveAttributeAsync("src", new Regex(@"^images/[0-9a-f]+\.png$"));
        // Loaded and decoded under the site's Content-Security-Policy, not a broken image showing its alt text.
        await Assertions.Expect(image).ToHaveJSPropertyAsync("naturalWidth", 96);
        await Screenshots.SaveAsync(page, "site-image");
        tab.AssertNoScriptErrors();
    }

    /// <summary>Documents the repository offline and opens a tab, logged in as the admin, once its variant is ready.</summary>
    private async Task<(string Name, Tab Tab)> ReadySiteAsync(string repository, string tabName)
    {
        var name = Repositories.NameOf(repository);
        await Repositories.StartOfflineRunAsync(fixture.Host, repository, "main");
        var tab = await Tab.OpenAsync(fixture, tabName);
        try
        {
            await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
            await tab.Page.ReadyOfflineRowAsync(name);
            return (name, tab);
        }
        catch
        {
            await tab.DisposeAsync();
            throw;
        }
    }

    private static async Task<float> TopOfAsync(ILocator locator) => (await locator.BoundingBoxAsync())!.Y;
}
