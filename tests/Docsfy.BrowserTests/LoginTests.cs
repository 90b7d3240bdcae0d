using System.Net;
using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Dashboard;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_wrong_key_gets_a_clear_message_and_the_right_one_opens_the_dashboard()
    {
        await using var tab = await Tab.OpenAsync(fixture, "login");
        var page = tab.Page;

        // The dashboard without a session sends the browser to the login page, and back after logging in.
        var response = await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?next=%2F$"));
        Assert.Equal(DashboardHeadersTests.ContentSecurityPolicy, response!.Headers["content-security-policy"]);
        await Screenshots.SaveAsync(page, "login");

        await page.GetByLabel("Username").FillAsync("admin");
        await page.GetByLabel("API key").FillAsync("not-the-admin-key-at-all");
        await page.Button("Log in").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong username or API key. Check both and try again.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));

        await page.GetByLabel("API key").FillAsync(DocsfyAppHost.AdminKey);
        await page.Button("Log in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects", Exact = true })).ToBeVisibleAsync();
        tab.AssertNoScriptErrors();
    }

    /// <summary>Values of <c>next</c> that a browser turns into another site (tabs and newlines are removed, "\" is "/").</summary>
    public static readonly string[] ForeignNexts =
    [
        "/\t/evil.example/phish", "/\n/evil.example/phish", "/\r/evil.example/phish", "//evil.example/phish",
        "/\\evil.example/phish", "\t//evil.example", "https://evil.example/", "javascript:alert(1)", "/\t\\evil.example",
        "/..//evil.example/phish", "/.//evil.example", "/a/..//evil.example", "/%2E%2E//evil.example", "/%2e.//evil.example",
    ];

    [Fact]
    public async Task The_login_page_sends_the_browser_only_to_paths_of_this_site()
    {
        await using var tab = await Tab.OpenAsync(fixture, "login-next");
        var page = tab.Page;
        await page.GotoAsync("/login");

        // The page's own rule, run by the browser's URL parser.
        foreach (var next in ForeignNexts)
        {
            Assert.Equal("/", await page.EvaluateAsync<string>("async next => (await import('/assets/js/next.js')).safeNext(next)", next));
        }
        Assert.Equal("/#/generate", await page.EvaluateAsync<string>(
            "async () => (await import('/assets/js/next.js')).safeNext('/#/generate')"));
        Assert.Equal("/docs/p/index.html?owner=a", await page.EvaluateAsync<string>(
            "async () => (await import('/assets/js/next.js')).safeNext('/docs/p/index.html?owner=a')"));

        // The whole way: the attacker's link, a real login, and the browser stays on this site.
        foreach (var encoded in new[] { "%2F%09%2Fevil.example%2Fphish", "%2F%0A%2Fevil.example%2Fphish", "%2F%0D%2Fevil.example%2Fphish",
                                        "%2F..%2F%2Fevil.example%2Fphish" })
        {
            await page.GotoAsync($"/login?next={encoded}");
            await page.GetByLabel("Username").FillAsync("admin");
            await page.GetByLabel("API key").FillAsync(DocsfyAppHost.AdminKey);
            await page.Button("Log in").ClickAsync();
            await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
            Assert.Equal(new Uri(fixture.Host.ApiBaseAddress, "/").ToString(), page.Url);
            await page.Context.ClearCookiesAsync();
        }
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_ended_session_returns_to_the_login_page_and_back_after_logging_in_again()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "ended", "user");
        await using var tab = await Tab.OpenAsync(fixture, "ended-session");
        var page = tab.Page;
        await tab.LogInAsync(user.Username, user.ApiKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Generate", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#/generate$"));

        // An admin rotates the user's key: every session of theirs ends, and the open page notices on its own.
        var rotated = await client.PostAsync($"/api/admin/users/{user.Username}/rotate-key", DocsfyAppFixture.Admin);
        rotated.AssertStatus(HttpStatusCode.OK);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?reason=expired&next=%2F%23%2Fgenerate$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your session has ended. Log in again.");

        await page.GetByLabel("Username").FillAsync(user.Username);
        await page.GetByLabel("API key").FillAsync(rotated.String("new_api_key"));
        await page.Button("Log in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/#/generate$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Generate documentation" })).ToBeVisibleAsync();
        tab.AssertNoScriptErrors();
    }
}
