using System.Net;
using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>The account menu: changing one's own key (shown once, every session ended) and logging out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_user_changes_their_own_key_logs_in_with_it_and_logs_out()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "own-key", "user");
        await using var tab = await Tab.OpenAsync(fixture, "own-key");
        var page = tab.Page;
        await tab.LogInAsync(user.Username, user.ApiKey);

        // A chosen key, shown once; the page then sends the user to log in again.
        const string chosen = "my-own-chosen-key-0123456789";
        await page.Locator("#account summary").ClickAsync();
        await page.Button("Change my API key").ClickAsync();
        await page.ModalDialog().GetByLabel("New key (optional)").FillAsync(chosen);
        await page.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Change key" }).ClickAsync();
        await Assertions.Expect(page.ModalDialog().GetByLabel("New API key")).ToHaveValueAsync(chosen);
        await page.ModalDialog().ConfirmKeyCopiedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?reason=rotated&"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Your key was changed, which ended your sessions. Log in with the new key.");
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertError(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await SessionRows.CountAsync(fixture.Host, user.Username));

        await page.GetByLabel("Username").FillAsync(user.Username);
        await page.GetByLabel("API key").FillAsync(chosen);
        await page.Button("Log in").ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        Assert.Equal(1, await SessionRows.CountAsync(fixture.Host, user.Username));

        // Logging out ends the session on the server; the dashboard then needs a login again.
        await page.Locator("#account summary").ClickAsync();
        await page.Button("Log out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?reason=logged-out&"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are logged out.");
        Assert.Equal(0, await SessionRows.CountAsync(fixture.Host, user.Username));
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?next=%2F$"));
        tab.AssertNoScriptErrors();
    }
}
