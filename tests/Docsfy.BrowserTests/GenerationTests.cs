using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class GenerationTests(BrowserFixture fixture)
{
    private const float RunTimeoutMs = 90_000;

    [Fact]
    public async Task An_offline_run_turns_ready_live_its_docs_open_and_it_can_be_deleted()
    {
        var repository = Repositories.Create("offline");
        var name = Repositories.NameOf(repository);
        await using var tab = await Tab.OpenAsync(fixture, "offline-run");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await tab.MarkLoadedPageAsync();
        // Records whether the page ever says the new variant does not exist (it must not, even for a moment).
        await page.EvaluateAsync("""
            () => {
                window.docsfySawMissing = false;
                new MutationObserver(() => {
                    if (document.getElementById('view-variant').textContent.includes('does not exist')) {
                        window.docsfySawMissing = true;
                    }
                }).observe(document.getElementById('view-variant'), { subtree: true, childList: true, characterData: true });
            }
            """);

        await page.SubmitGenerateAsync(repository, "offline", "markdown", localPath: true);

        // The detail page follows the run live: no reload, the status and the bar change by themselves.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("ready", new() { Timeout = RunTimeoutMs });
        var bar = page.DetailProgress();
        // The offline plan of the sample: the overview, the two guides under docs/, src/ and tests/, and the source tree.
        const string total = "6";
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuemax", total);
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", total);
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuetext", $"{total} of {total} pages");
        await Assertions.Expect(page.Locator(".timeline .step-done")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#view-variant .facts")).ToContainTextAsync(repository);
        await tab.AssertNotReloadedAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.docsfySawMissing"), "The new run's page said it does not exist.");
        await Screenshots.SaveAsync(page, "variant-detail", fullPage: true);

        // The generated site opens in a new tab.
        var docs = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Open docs" }).ClickAsync());
        await Assertions.Expect(docs).ToHaveURLAsync(new Regex($"/docs/{name}/main/offline/markdown/"));
        await Assertions.Expect(docs.Locator("body")).ToContainTextAsync("A sample library that the browser tests document.");
        await docs.CloseAsync();

        // The projects tree shows it as repository → branch → variant.
        await page.GetByRole(AriaRole.Link, new() { Name = "← All projects" }).ClickAsync();
        var row = page.VariantRow(name, "offline", "markdown", "admin");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "ready");
        await Assertions.Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", total);
        await Screenshots.SaveAsync(page, "projects");

        // Delete asks first; confirmed, the variant is gone here (and for everyone) without a reload.
        await row.GetByRole(AriaRole.Link, new() { Name = "offline/markdown" }).ClickAsync();
        await page.Button("Delete").ClickAsync();
        await Assertions.Expect(page.ModalDialog()).ToContainTextAsync("This cannot be undone.");
        await page.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        // Back on the list, told what happened, and the row is gone.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#/projects$"));
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Deleted {name} (main, offline/markdown).");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await tab.AssertNotReloadedAsync();
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_progress_bar_moves_with_the_pages_written_and_the_run_turns_ready()
    {
        var gate = Repositories.NewGatePath();
        var repository = Repositories.CreateGated("progress", gate);
        var name = Repositories.NameOf(repository);
        var model = FakeAi.UniqueModel();
        await using var tab = await Tab.OpenAsync(fixture, "progress");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await tab.MarkLoadedPageAsync();

        await page.SubmitGenerateAsync(repository, BrowserFixture.GatedProvider, model, localPath: true);

        // Two of the plan's three pages are written; the third waits for the gate.
        var bar = page.DetailProgress();
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuetext", "2 of 3 pages", new() { Timeout = RunTimeoutMs });
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuemax", "3");
        await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("generating");
        await Assertions.Expect(page.Locator("#detail-stage")).ToHaveTextAsync("Writing pages");
        await Assertions.Expect(page.Locator(".timeline [data-stage=generating_pages]")).ToHaveAttributeAsync("data-state", "current");
        await Screenshots.SaveAsync(page, "variant-generating", fullPage: true);

        // The same run seen from the projects tree, on another tab of the same user.
        var other = await tab.Context.NewPageAsync();
        await other.GotoAsync("/");
        var row = other.VariantRow(name, BrowserFixture.GatedProvider, model, "admin");
        await Assertions.Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "2");
        await Screenshots.SaveAsync(other, "projects-generating");

        await File.WriteAllTextAsync(gate, "");
        await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("ready", new() { Timeout = RunTimeoutMs });
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuetext", "3 of 3 pages");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "ready");
        await Assertions.Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "3");
        // What the run cost, from the REST variant's ai_usage: the plan, three pages, three checks, the related pages.
        var calls = page.Locator("#view-variant dl.facts dt", new() { HasTextString = "AI calls" }).Locator("xpath=following-sibling::dd[1]");
        await Assertions.Expect(calls).ToHaveTextAsync("8", new() { Timeout = RunTimeoutMs });
        // Who started it, from the REST variant's trigger: this run was the admin's own, not a push or a schedule.
        var startedBy = page.Locator("#view-variant dl.facts dt", new() { HasTextString = "Started by" }).Locator("xpath=following-sibling::dd[1]");
        await Assertions.Expect(startedBy).ToHaveTextAsync("admin");
        await tab.AssertNotReloadedAsync();
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_run_is_aborted_part_way_after_a_confirmation_that_Escape_cancels()
    {
        var gate = Repositories.NewGatePath();
        var repository = Repositories.CreateGated("abort", gate);
        try
        {
            await using var tab = await Tab.OpenAsync(fixture, "abort");
            var page = tab.Page;
            await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
            await page.SubmitGenerateAsync(repository, BrowserFixture.GatedProvider, FakeAi.UniqueModel(), localPath: true);
            await Assertions.Expect(page.DetailProgress()).ToHaveAttributeAsync("aria-valuetext", "2 of 3 pages",
                new() { Timeout = RunTimeoutMs });

            // Escape closes the confirmation and nothing happens.
            await page.Button("Abort").ClickAsync();
            await Assertions.Expect(page.ModalDialog()).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.ModalDialog()).ToHaveCountAsync(0);
            await Assertions.Expect(page.Button("Abort")).ToBeFocusedAsync();
            await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("generating");

            // Confirmed with the keyboard alone: Tab from Cancel to "Abort run", Enter.
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.ModalDialog().GetByRole(AriaRole.Button, new() { Name = "Abort run" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.StatusBadge()).ToHaveTextAsync("aborted");
            await Assertions.Expect(page.Button("Abort")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Button("Delete")).ToBeVisibleAsync();
            // Stopped by someone, not crashed; and no page count of its own ("2 of 3 pages") once it ended.
            await Assertions.Expect(page.Locator(".timeline [data-stage=generating_pages]")).ToHaveAttributeAsync("data-state", "stopped");
            await Assertions.Expect(page.Locator("#detail-error")).ToHaveTextAsync("Aborted by admin at generating_pages.");
            await Assertions.Expect(page.Locator("#detail-error")).ToHaveClassAsync("stopped-text");
            await Assertions.Expect(page.DetailProgress()).ToHaveAttributeAsync("aria-valuetext", "No site published");
            tab.AssertNoScriptErrors();
        }
        finally
        {
            // Should the abort have failed, the waiting tool must not outlive the test.
            await File.WriteAllTextAsync(gate, "");
        }
    }
}
