using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.BrowserTests;

[Collection(RestartCollection.Name)]
public sealed class ReconnectTests(RestartFixture fixture)
{
    [Fact]
    public async Task When_the_API_comes_back_the_page_reconnects_and_shows_what_changed_meanwhile()
    {
        var before = await Repositories.StartOfflineRunAsync(fixture.Host, "before");
        await using var tab = await Tab.OpenAsync(fixture, "reconnect");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await tab.MarkLoadedPageAsync();
        await page.ReadyOfflineRowAsync(before);

        // The API dies (as a crash or an OOM kill would end it): the page loses its socket and says so.
        var app = fixture.Host.App;
        using var timeout = new CancellationTokenSource(DocsfyAppHost.StartTimeout);
        await ResourceProcesses.KillAsync(app, "api", timeout.Token);
        var connection = page.Locator("#connection");
        await Assertions.Expect(connection).ToHaveTextAsync(new Regex("^Reconnecting"));

        // While the page is cut off, a variant appears that no live message will announce.
        var meanwhile = DocsfyAppFixture.UniqueName("meanwhile");
        await VariantRows.InsertAsync(fixture.Host, meanwhile, "admin");

        // Started again once the app host has seen it exit (starting a resource it still thinks is running would fail).
        await app.ResourceNotifications.WaitForResourceAsync("api",
            e => e.Snapshot.State?.Text is { } state && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished),
            timeout.Token);
        var api = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "api");
        var started = await app.ResourceCommands.ExecuteCommandAsync(api, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);

        // Reconnected, the page takes the fresh sync: what it shows is the truth again, without a reload.
        await Assertions.Expect(connection).ToHaveTextAsync("Live", new() { Timeout = 120_000 });
        await Assertions.Expect(page.VariantRow(meanwhile, "cursor", "gpt-5", "admin")).ToBeVisibleAsync();
        await Assertions.Expect(page.VariantRow(before, "offline", "markdown", "admin")).ToHaveAttributeAsync("data-status", "ready");
        await tab.AssertNotReloadedAsync();
        tab.AssertNoScriptErrors();
    }
}
