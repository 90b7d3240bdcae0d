using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SharingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_creates_a_user_and_grants_access_and_that_user_sees_the_project_appear_and_go_live()
    {
        var name = await Repositories.StartOfflineRunAsync(fixture.Host, "shared");
        await using var admin = await Tab.OpenAsync(fixture, "sharing-admin");
        await admin.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var adminPage = admin.Page;
        await adminPage.ReadyOfflineRowAsync(name);

        // Create the user; the key is shown once, in a dialog.
        var username = DocsfyAppFixture.UniqueName("reader");
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await adminPage.GetByLabel("New user").FillAsync(username);
        await adminPage.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("user");
        await adminPage.Button("Create user").ClickAsync();
        var keyField = adminPage.ModalDialog().GetByLabel("New API key");
        await Assertions.Expect(keyField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^docsfy_"));
        var apiKey = await keyField.InputValueAsync();
        // Shown whole, and kept until the admin says it was copied: Escape does not throw it away.
        Assert.True(await keyField.EvaluateAsync<bool>("field => field.scrollWidth <= field.clientWidth"), "The key is cut off.");
        await adminPage.Keyboard.PressAsync("Escape");
        await Assertions.Expect(keyField).ToBeVisibleAsync();
        await Assertions.Expect(adminPage.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Done" })).ToBeDisabledAsync();
        await adminPage.ModalDialog().ConfirmKeyCopiedAsync();
        await Assertions.Expect(adminPage.Locator($"tr[data-user=\"{username}\"]")).ToBeVisibleAsync();

        // The user logs in in another browser and has nothing yet.
        await using var reader = await Tab.OpenAsync(fixture, "sharing-reader");
        await reader.LogInAsync(username, apiKey);
        await reader.MarkLoadedPageAsync();
        var readerPage = reader.Page;
        await Assertions.Expect(readerPage.Locator("#project-tree")).ToContainTextAsync("No projects yet.");

        // The admin grants access; the user's open page shows the project without a reload.
        await adminPage.GetByLabel("Project (owner)").SelectOptionAsync(new SelectOptionValue { Label = $"{name} (admin)" });
        await adminPage.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(username);
        await adminPage.Button("Grant access").ClickAsync();
        await Assertions.Expect(adminPage.Locator($"#grant-list [data-grantee=\"{username}\"]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(adminPage, "admin", fullPage: true);

        var sharedRow = readerPage.VariantRow(name, "offline", "markdown", "admin");
        await Assertions.Expect(sharedRow).ToHaveAttributeAsync("data-status", "ready");
        await reader.AssertNotReloadedAsync();

        // Shared, not owned: the user may read and download, not delete or regenerate.
        await sharedRow.GetByRole(AriaRole.Link, new() { Name = "offline/markdown" }).ClickAsync();
        await Assertions.Expect(readerPage.GetByRole(AriaRole.Link, new() { Name = "Open docs" })).ToBeVisibleAsync();
        await Assertions.Expect(readerPage.GetByRole(AriaRole.Link, new() { Name = "Download" })).ToBeVisibleAsync();
        await Assertions.Expect(readerPage.Button("Delete")).ToHaveCountAsync(0);
        await Assertions.Expect(readerPage.Button("Regenerate…")).ToHaveCountAsync(0);

        // The admin deletes the variant; it disappears from the user's page too.
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        await adminPage.VariantRow(name, "offline", "markdown", "admin").GetByRole(AriaRole.Link, new() { Name = "offline/markdown", Exact = true }).ClickAsync();
        await adminPage.Button("Delete").ClickAsync();
        await adminPage.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(readerPage.Locator("#view-variant")).ToContainTextAsync("does not exist or is not visible to you");
        await readerPage.GetByRole(AriaRole.Link, new() { Name = "← All projects" }).ClickAsync();
        await Assertions.Expect(readerPage.Locator("#project-tree")).ToContainTextAsync("No projects yet.");
        await reader.AssertNotReloadedAsync();
        reader.AssertNoScriptErrors();
        admin.AssertNoScriptErrors();
    }
}
