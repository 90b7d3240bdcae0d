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

        var app = fixture.Host.App;
        var api = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "api");
        using var timeout = new CancellationTokenSource(DocsfyAppHost.StartTimeout);
        var stopped = await app.ResourceCommands.ExecuteCommandAsync(api, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        var connection = page.Locator("#connection");
        await Assertions.Expect(connection).ToHaveTextAsync(new Regex("^Reconnecting"));

        // While the page is cut off, a variant appears that no live message will announce.
        var meanwhile = DocsfyAppFixture.UniqueName("meanwhile");
        await VariantRows.InsertAsync(fixture.Host, meanwhile, "admin");

        var started = await app.ResourceCommands.ExecuteCommandAsync(api, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await ResourceWaits.AllHealthyAsync(app, new Dictionary<string, int> { ["api"] = fixture.ApiReplicas }, timeout.Token);

        // Reconnected, the page takes the fresh sync: what it shows is the truth again, without a reload.
        await Assertions.Expect(connection).ToHaveTextAsync("Live", new() { Timeout = 60_000 });
        await Assertions.Expect(page.VariantRow(meanwhile, "cursor", "gpt-5", "admin")).ToBeVisibleAsync();
        await Assertions.Expect(page.VariantRow(before, "offline", "markdown", "admin")).ToHaveAttributeAsync("data-status", "ready");
        await tab.AssertNotReloadedAsync();
        tab.AssertNoScriptErrors();
    }
}
