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

        // At the field it is about, marked invalid, and gone once the field changes.
        Assert.Equal("repo_url", refused.String("field"));
        var source = page.Locator("#gen-source");
        await Assertions.Expect(page.Locator("#gen-source-error")).ToHaveTextAsync(refused.Detail);
        await Assertions.Expect(source).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/generate$"));
        await source.PressAsync("End");
        await source.PressSequentiallyAsync("x");
        await Assertions.Expect(page.Locator("#gen-source-error")).ToHaveCountAsync(0);
        await Assertions.Expect(source).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // A local path that is not a repository is said in the user's words, at the path field.
        var plain = Directory.CreateTempSubdirectory("docsfy-plain-").FullName;
        await page.SubmitGenerateAsync(plain, "offline", "markdown", localPath: true);
        await Assertions.Expect(page.Locator("#gen-source-error")).ToHaveTextAsync(
            "This path is not a git repository (no .git folder, and not a bare repository).");
        await Assertions.Expect(page.Locator("#generate-error")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "generate-field-error");

        // An admin action the server refuses is explained the same way: the built-in admin's name is reserved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await page.GetByLabel("New user").FillAsync("admin");
        await page.Button("Create user").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("'admin' is reserved for the built-in admin.");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_run_that_failed_on_a_missing_branch_is_edited_and_retried_from_its_page()
    {
        var repository = Repositories.Create("retry");
        GitRepositories.Branch(repository, "release-7");
        var name = Repositories.NameOf(repository);
        await Repositories.StartOfflineRunAsync(fixture.Host, repository, "no-such-branch");
        await using var tab = await Tab.OpenAsync(fixture, "retry");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        var failed = page.VariantRow(name, "offline", "markdown", "admin", branch: "no-such-branch");
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-status", "error", new() { Timeout = 90_000 });
        await failed.GetByRole(AriaRole.Link, new() { Name = "offline/markdown", Exact = true }).ClickAsync();

        await page.Button("Edit and retry…").ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Edit and retry" });
        var branch = form.GetByLabel("Branch");
        await Assertions.Expect(branch).ToHaveValueAsync("no-such-branch");
        await Assertions.Expect(branch).ToBeFocusedAsync();
        // The branches that exist, read from the repository itself, are offered.
        await Assertions.Expect(page.Locator("#regen-branch-hint")).ToHaveTextAsync("Branches of the repository: main, release-7.");
        await Assertions.Expect(page.Locator("#regen-branch-options option[value=\"release-7\"]")).ToHaveCountAsync(1);
        // A branch the server refuses is said at the branch field, and the message goes when the branch is edited.
        await branch.FillAsync("../main");
        await form.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(page.Locator("#regen-branch-error")).ToContainTextAsync("branch must start with a letter or digit");
        await branch.FillAsync("main");
        await Assertions.Expect(page.Locator("#regen-branch-error")).ToHaveCountAsync(0);
        await form.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/variant/{name}/main/offline/markdown/admin$"));
        await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("ready", new() { Timeout = 90_000 });
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_missing_docs_page_opened_in_the_browser_is_a_page_with_a_way_back_not_JSON()
    {
        var name = await Repositories.StartOfflineRunAsync(fixture.Host, "missing");
        await using var tab = await Tab.OpenAsync(fixture, "missing-page");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.ReadyOfflineRowAsync(name);

        var root = $"/docs/{name}/main/offline/markdown/";
        var response = await page.GotoAsync($"{root}no-such-page.html");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This documentation has no page at this address.");
        await Screenshots.SaveAsync(page, "docs-not-found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page of this documentation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{root}$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("A sample library that the browser tests document.");

        // A site that does not exist (or is not shared): only the way back to the dashboard.
        await page.GotoAsync($"/docs/{DocsfyAppFixture.UniqueName("nowhere")}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page of this documentation" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the Docsfy dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_admin_address_a_viewer_opens_is_a_page_with_a_way_back_not_JSON()
    {
        using var client = fixture.Host.Client();
        var viewer = await Users.CreateAsync(client, "forbidden-page", "viewer");
        await using var tab = await Tab.OpenAsync(fixture, "forbidden-page");
        var page = tab.Page;
        await tab.LogInAsync(viewer.Username, viewer.ApiKey);

        // As if following a link an admin shared: the viewer's role does not reach it.
        var response = await page.GotoAsync("/api/admin/users");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your role does not allow this.");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("\"detail\"");
        await Screenshots.SaveAsync(page, "forbidden-page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the Docsfy dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator("#account-name")).ToHaveTextAsync(viewer.Username, new() { IgnoreCase = true });
        tab.AssertNoScriptErrors();
    }
}
