namespace Docsfy.BrowserTests.Infrastructure;

/// <summary>
/// One browser tab in a fresh profile (its own cookies): what one person at one browser sees. Disposing it keeps a
/// screenshot of its last state, so a failing test leaves a picture of the moment it gave up.
/// </summary>
public sealed class Tab : IAsyncDisposable
{
    private readonly string _name;
    private readonly List<string> _scriptErrors = [];

    private Tab(string name, IBrowserContext context, IPage page)
    {
        _name = name;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<Tab> OpenAsync(BrowserFixture fixture, string name, int width = 1280, int height = 860)
    {
        var context = await fixture.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Console.WriteLine($"[{name} console {message.Type}] {message.Text}");
            }
        };
        var tab = new Tab(name, context, page);
        // Uncaught exceptions and anything the Content-Security-Policy blocked: the dashboard must cause neither.
        context.WebError += (_, error) => tab._scriptErrors.Add(error.Error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                tab._scriptErrors.Add(message.Text);
            }
        };
        return tab;
    }

    /// <summary>Fails when a page of this tab threw an uncaught exception or broke the Content-Security-Policy.</summary>
    public void AssertNoScriptErrors() =>
        Assert.True(_scriptErrors.Count == 0, $"Script errors: {string.Join(" | ", _scriptErrors)}");

    /// <summary>Logs in through the login page and waits until the dashboard is live (its first sync arrived).</summary>
    public async Task LogInAsync(string username, string apiKey)
    {
        await Page.GotoAsync("/login");
        await Page.GetByLabel("Username").FillAsync(username);
        await Page.GetByLabel("API key").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(Page.Locator("#account-name")).ToHaveTextAsync(username, new() { IgnoreCase = true });
    }

    /// <summary>Marks the loaded page; <see cref="AssertNotReloadedAsync"/> fails if it was reloaded since.</summary>
    public Task MarkLoadedPageAsync() => Page.EvaluateAsync("() => { window.docsfyTestMark = true; }");

    public async Task AssertNotReloadedAsync() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => window.docsfyTestMark === true"), "The page was reloaded.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Screenshots.SaveAsync(Page, Path.Combine("last-state", _name), fullPage: true);
        }
        finally
        {
            await Context.CloseAsync();
        }
    }
}
