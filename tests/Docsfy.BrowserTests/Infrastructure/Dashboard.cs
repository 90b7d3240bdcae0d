namespace Docsfy.BrowserTests.Infrastructure;

/// <summary>What a person does on the dashboard, in the words of its screens (labels, roles, button names).</summary>
public static class Dashboard
{
    /// <summary>As an admin, fills in and submits the Generate form: a local path or a URL, the provider and the model.</summary>
    public static async Task SubmitGenerateAsync(this IPage page, string source, string provider, string model, bool localPath)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Generate" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = localPath ? "Local path on the server" : "Repository URL" }).CheckAsync();
        await page.Locator("#gen-source").FillAsync(source);
        await page.GetByLabel("AI provider").SelectOptionAsync(provider);
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync(model);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
    }

    /// <summary>The row of one variant in the projects tree.</summary>
    public static ILocator VariantRow(this IPage page, string name, string provider, string model, string owner, string branch = "main") =>
        page.Locator($"[data-variant=\"{name}/{branch}/{provider}/{model}/{owner}\"]");

    /// <summary>The tree row of the admin's <c>offline</c> variant of <paramref name="name"/>, once it is ready.</summary>
    public static async Task<ILocator> ReadyOfflineRowAsync(this IPage page, string name)
    {
        var row = page.VariantRow(name, "offline", "markdown", "admin");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "ready", new() { Timeout = 90_000 });
        return row;
    }

    /// <summary>The variant detail page's progress bar.</summary>
    public static ILocator DetailProgress(this IPage page) => page.Locator("#detail-progress-bar");

    public static ILocator StatusBadge(this IPage page) => page.Locator("#view-variant .variant-head .badge");

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator ModalDialog(this IPage page) => page.GetByRole(AriaRole.Dialog);

    /// <summary>In the dialog that shows a new key once: confirms it was copied, then closes it with Done.</summary>
    public static async Task ConfirmKeyCopiedAsync(this ILocator dialog)
    {
        await dialog.GetByLabel("I have copied this key; it cannot be shown again").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}
