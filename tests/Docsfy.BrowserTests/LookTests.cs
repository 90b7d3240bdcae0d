using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LookTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_dark_theme_is_remembered_and_every_screen_fits_a_phone()
    {
        var name = await Repositories.StartOfflineRunAsync(fixture.Host, "look");
        await using var desktop = await Tab.OpenAsync(fixture, "dark");
        var page = desktop.Page;
        await desktop.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.ReadyOfflineRowAsync(name);
        var toggle = page.Button("Dark theme");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(page.Button("Dark theme")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.VariantRow(name, "offline", "markdown", "admin")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "projects-dark");

        await using var phone = await Tab.OpenAsync(fixture, "phone", width: 390, height: 844);
        var small = phone.Page;
        await phone.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var row = small.VariantRow(name, "offline", "markdown", "admin");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await AssertFitsAsync(small, "projects");
        await Screenshots.SaveAsync(small, "phone-projects");

        await row.GetByRole(AriaRole.Link, new() { Name = "offline/markdown", Exact = true }).ClickAsync();
        await Assertions.Expect(small.StatusBadge()).ToHaveTextAsync("ready");
        await AssertFitsAsync(small, "variant detail");
        await Screenshots.SaveAsync(small, "phone-variant", fullPage: true);

        foreach (var screen in new[] { "Generate", "Admin" })
        {
            await small.GetByRole(AriaRole.Link, new() { Name = screen, Exact = true }).ClickAsync();
            await Assertions.Expect(small.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await AssertFitsAsync(small, screen);
        }
        desktop.AssertNoScriptErrors();
        phone.AssertNoScriptErrors();
    }

    /// <summary>Nothing is wider than the screen: no sideways scrolling.</summary>
    private static async Task AssertFitsAsync(IPage page, string screen)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The {screen} screen is {widths[0]} px wide on a {widths[1]} px screen.");
    }
}
