using System.Net;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ErrorTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_refused_request_shows_the_servers_reason()
    {
        const string url = "ftp://example.com/owner/project.git";
        using var client = fixture.Host.Client();
        var refused = await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_url = url, branch = "main", ai_provider = "offline", ai_model = "markdown", force = false });
        refused.AssertError(HttpStatusCode.BadRequest);

        await using var tab = await Tab.OpenAsync(fixture, "refused");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.SubmitGenerateAsync(url, "offline", "markdown", localPath: false);

        await Assertions.Expect(page.Locator("#generate-error")).ToHaveTextAsync(refused.Detail);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/generate$"));

        // An admin action the server refuses is explained the same way: the built-in admin's name is reserved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await page.GetByLabel("New user").FillAsync("admin");
        await page.Button("Create user").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("'admin' is reserved for the built-in admin.");
        tab.AssertNoScriptErrors();
    }
}
