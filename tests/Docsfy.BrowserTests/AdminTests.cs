using System.Net;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>
/// An admin changes a user's role (making an admin asks first) and revokes a grant on the Admin page; the user's own
/// open page follows at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_role_change_and_a_revoked_grant_reach_the_users_browser()
    {
        using var client = fixture.Host.Client();
        var name = await Repositories.StartOfflineRunAsync(fixture.Host, "revoke");
        var user = await Users.CreateAsync(client, "demoted", "user");
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = user.Username, owner = "admin" })).AssertStatus(HttpStatusCode.Created);

        await using var reader = await Tab.OpenAsync(fixture, "admin-reader");
        await reader.LogInAsync(user.Username, user.ApiKey);
        var readerPage = reader.Page;
        var sharedRow = await readerPage.ReadyOfflineRowAsync(name);
        var generate = readerPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Generate" });
        await Assertions.Expect(generate).ToBeVisibleAsync();

        await using var admin = await Tab.OpenAsync(fixture, "admin-actions");
        await admin.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var adminPage = admin.Page;
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();

        // Making someone an admin asks first; cancelled, nothing changes.
        var role = adminPage.GetByLabel($"Role of {user.Username}");
        await role.SelectOptionAsync("admin");
        await Assertions.Expect(adminPage.ModalDialog()).ToContainTextAsync($"Make {user.Username} an admin?");
        await adminPage.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(role).ToHaveValueAsync("user");
        Assert.Equal("user", (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK).String("role"));

        // The role: the server has it at once, and the user's open page loses Generate without a reload.
        await reader.MarkLoadedPageAsync();
        await role.SelectOptionAsync("viewer");
        await Assertions.Expect(adminPage.Locator("#notice")).ToContainTextAsync($"{user.Username} is now viewer.");
        var me = (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("viewer", me.String("role"));
        await Assertions.Expect(generate).ToBeHiddenAsync();
        await Assertions.Expect(readerPage.Locator("#notice")).ToContainTextAsync("Your role is now viewer.");
        await Assertions.Expect(sharedRow).ToHaveAttributeAsync("data-status", "ready");
        await reader.AssertNotReloadedAsync();

        // The grant: revoked after a confirmation, and the project leaves the user's open page without a reload.
        await adminPage.GetByLabel("Project (owner)").SelectOptionAsync(new SelectOptionValue { Label = $"{name} (admin)" });
        await adminPage.GetByRole(AriaRole.Button, new() { Name = $"Revoke access of {user.Username}" }).ClickAsync();
        await Assertions.Expect(adminPage.ModalDialog()).ToContainTextAsync($"{user.Username} stops seeing {name} of admin at once.");
        await adminPage.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(adminPage.Locator($"#grant-list [data-grantee=\"{user.Username}\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(sharedRow).ToHaveCountAsync(0);
        await reader.AssertNotReloadedAsync();
        (await client.GetAsync($"/api/projects/{name}", user.Bearer)).AssertError(HttpStatusCode.NotFound);
        reader.AssertNoScriptErrors();
        admin.AssertNoScriptErrors();
    }
}
