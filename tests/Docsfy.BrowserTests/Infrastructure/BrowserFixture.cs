using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests.Infrastructure;

/// <summary>
/// The real app host (as the distributed tests start it, plus the gated fake AI as provider <c>gemini</c>) and one
/// headless Debian Chromium driven by Playwright, shared by every test of the <see cref="BrowserCollection"/>. Each
/// test opens its own browser contexts, so cookies and storage never leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>, done by scripts/test); Playwright cannot download its own here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The provider whose tool is <c>Assets/gated-ai.sh</c>.</summary>
    public const string GatedProvider = "gemini";

    private DocsfyAppHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DocsfyAppHost Host => _host ?? throw new InvalidOperationException("The app host has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public static string GatedAiPath => Path.Combine(AppContext.BaseDirectory, "Assets", "gated-ai.sh");

    /// <summary>Two API replicas: a browser's socket and the request that changes something often land on different ones.</summary>
    public virtual int ApiReplicas => 2;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/test, or apt-get install -y chromium.");
        }
        _host = await DocsfyAppHost.StartAsync(ApiReplicas, configure: builder =>
            builder.CreateResourceBuilder<ProjectResource>("worker")
                .WithEnvironment($"Ai__Cli__{GatedProvider}__Path", GatedAiPath));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        });
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh browser profile (no cookies) at desktop size, or the size given.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 860) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.ApiBaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Light,
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>An app host of its own, with one API replica, for tests that kill and restart the API.</summary>
public sealed class RestartFixture : BrowserFixture
{
    public override int ApiReplicas => 1;
}

[CollectionDefinition(Name)]
public sealed class RestartCollection : ICollectionFixture<RestartFixture>
{
    public const string Name = "Browser, API restarts";
}
