using System.Net;
using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>
/// A project's Refresh panel (#/projects/{name}): its owner edits the settings and rotates the secret, which is shown
/// once and then gone from the page; the server's refusal is shown; a grantee never sees the panel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefreshTests(BrowserFixture fixture)
{
    private static readonly Regex WebhookSecret = new(@"^whsec_[A-Za-z0-9_-]{43}$");

    [Fact]
    public async Task The_owner_edits_the_settings_and_rotates_the_secret_which_is_shown_once_and_works()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "ui-refresh", "user");
        var name = DocsfyAppFixture.UniqueName("ui-refresh");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, branch: "dev");
        await using var tab = await Tab.OpenAsync(fixture, "refresh-owner");
        await tab.LogInAsync(owner.Username, owner.ApiKey);
        var page = tab.Page;
        var panel = await OpenPanelAsync(page, name);
        await Assertions.Expect(panel).ToContainTextAsync("created when the settings are first saved");

        // Checked in the page with the server's bounds (1 to 10080 on the test host) before anything is sent.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit refresh settings" }).ClickAsync();
        await panel.GetByLabel("Check the branch every").CheckAsync();
        var interval = panel.GetByLabel("Interval in minutes");
        await interval.FillAsync("20000");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save refresh settings" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The interval is a whole number of minutes from 1 to 10080.");
        await Assertions.Expect(interval).ToHaveAttributeAsync("aria-invalid", "true");
        await interval.FillAsync("30");
        await panel.GetByLabel("Refresh on push").CheckAsync();
        await panel.GetByLabel("Chosen variants").CheckAsync();
        await panel.GetByLabel("dev/cursor/gpt-5").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save refresh settings" }).ClickAsync();

        // The first save creates the webhook: its secret, once, until the owner says it was copied.
        var secret = await TakeSecretAsync(page);
        await Assertions.Expect(panel).ToContainTextAsync("every 30 minutes");
        await Assertions.Expect(panel).ToContainTextAsync("dev/cursor/gpt-5");
        var url = await panel.Locator(".webhook-url code").TextContentAsync();
        Assert.Matches(@"/api/hooks/[A-Za-z0-9_-]{32}\z", url);
        var saved = (await client.GetAsync($"/api/projects/{name}/refresh", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((30, true, "dev/cursor/gpt-5"), (saved.Json.GetProperty("interval_minutes").GetInt32(),
            saved.Json.GetProperty("on_push").GetBoolean(), saved.Json.GetProperty("variants")[0].GetString()));
        await AssertSecretWorksAsync(client, url!, secret, $"{name}-1");

        // Rotating asks first, shows the new secret once; the old one is refused from then on.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Rotate webhook secret" }).ClickAsync();
        await page.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
        var rotated = await TakeSecretAsync(page);
        Assert.NotEqual(secret, rotated);
        using (var stale = PushDeliveries.Push("github", url!, secret, "main", "abc", $"{name}-2"))
        {
            (await client.SendAsync(stale)).AssertError(HttpStatusCode.Unauthorized);
        }
        await AssertSecretWorksAsync(client, url!, rotated, $"{name}-3");

        // Neither secret stays anywhere in the page once its dialog is closed.
        var html = await page.ContentAsync();
        var state = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML + JSON.stringify(window.history.state ?? null)");
        Assert.DoesNotContain(secret, html + state, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated, html + state, StringComparison.Ordinal);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_servers_refusal_is_shown_where_it_is_about()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "ui-refresh-4xx", "user");
        var name = DocsfyAppFixture.UniqueName("ui-refresh-4xx");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, branch: "dev");
        await using var tab = await Tab.OpenAsync(fixture, "refresh-4xx");
        await tab.LogInAsync(owner.Username, owner.ApiKey);
        var page = tab.Page;
        var panel = await OpenPanelAsync(page, name);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit refresh settings" }).ClickAsync();
        await panel.GetByLabel("Chosen variants").CheckAsync();
        await panel.GetByLabel("main/cursor/gpt-5").CheckAsync();
        // The variant goes (another tab, a script) while the form is open: only the server can know.
        (await client.SendAsync(HttpMethod.Delete, $"/api/projects/{name}/main/cursor/gpt-5", owner.Bearer)).AssertStatus(HttpStatusCode.NoContent);
        await Assertions.Expect(page.VariantRow(name, "cursor", "gpt-5", owner.Username)).ToHaveCountAsync(0);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save refresh settings" }).ClickAsync();

        await Assertions.Expect(panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This project has no variant main/cursor/gpt-5.");
        await Assertions.Expect(page.ModalDialog()).ToHaveCountAsync(0);
        var settings = (await client.GetAsync($"/api/projects/{name}/refresh", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, settings.Json.GetProperty("webhook_url").ValueKind);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_grantee_sees_the_project_but_no_refresh_panel_and_an_admin_sees_the_owners_even_on_a_phone()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "ui-refresh-own", "user");
        var grantee = await Users.CreateAsync(client, "ui-refresh-grantee", "user");
        var name = DocsfyAppFixture.UniqueName("ui-refresh-shared");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = grantee.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);

        await using var reader = await Tab.OpenAsync(fixture, "refresh-grantee");
        await reader.LogInAsync(grantee.Username, grantee.ApiKey);
        await reader.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(reader.Page.VariantRow(name, "cursor", "gpt-5", owner.Username)).ToBeVisibleAsync();
        await Assertions.Expect(reader.Page.Locator(".refresh-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Page.GetByRole(AriaRole.Heading, new() { Name = "Refresh", Exact = true })).ToHaveCountAsync(0);

        (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh?owner={owner.Username}", DocsfyAppFixture.Admin,
            new { interval_minutes = 10080, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        await using var admin = await Tab.OpenAsync(fixture, "refresh-admin", width: 390, height: 844);
        await admin.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var panel = await OpenPanelAsync(admin.Page, name, $"Refresh (owner {owner.Username})");
        await Assertions.Expect(panel).ToContainTextAsync("every 7 days");
        await Assertions.Expect(panel.Locator(".webhook-url code")).ToContainTextAsync("/api/hooks/");
        await AssertFitsAsync(admin.Page);
        await Screenshots.SaveAsync(admin.Page, "phone-refresh", fullPage: true);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Edit refresh settings" }).ClickAsync();
        await Assertions.Expect(panel.GetByLabel("Interval in minutes")).ToHaveValueAsync("10080");
        await AssertFitsAsync(admin.Page);
        reader.AssertNoScriptErrors();
        admin.AssertNoScriptErrors();
    }

    /// <summary>Nothing is wider than the screen: no sideways scrolling.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The project page is {widths[0]} px wide on a {widths[1]} px screen.");
    }

    /// <summary>Opens the project's page from the list and returns its Refresh panel once it shows the settings.</summary>
    private static async Task<ILocator> OpenPanelAsync(IPage page, string name, string title = "Refresh")
    {
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
        await Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Edit refresh settings" })).ToBeVisibleAsync();
        return panel;
    }

    /// <summary>Reads the secret from the once-shown dialog (which Escape does not close), then confirms and closes it.</summary>
    private static async Task<string> TakeSecretAsync(IPage page)
    {
        var dialog = page.ModalDialog();
        var field = dialog.GetByLabel("Webhook secret");
        await Assertions.Expect(field).ToHaveValueAsync(WebhookSecret);
        await Assertions.Expect(dialog).ToContainTextAsync("Copy it now, it won't be shown again");
        var secret = await field.InputValueAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(field).ToBeVisibleAsync();
        await dialog.GetByLabel("I have copied this secret; it won't be shown again").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        return secret;
    }

    /// <summary>A push to main, which does not follow (only dev does), is verified with the secret and starts nothing.</summary>
    private static async Task AssertSecretWorksAsync(DocsfyClient client, string url, string secret, string deliveryId)
    {
        using var push = PushDeliveries.Push("github", url, secret, "main", "abc", deliveryId);
        Assert.Empty((await client.SendAsync(push)).AssertStatus(HttpStatusCode.OK).Json.GetProperty("runs").EnumerateArray());
    }
}
