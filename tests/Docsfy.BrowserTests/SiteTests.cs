using System.Text.RegularExpressions;
using Docsfy.BrowserTests.Infrastructure;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests;

/// <summary>What a reader of a generated site sees: its navigation in the order people read names.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_generated_site_lists_its_guides_in_natural_order()
    {
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("natural"), new Dictionary<string, string>(Repositories.Sample)
        {
            ["docs/topic-10.md"] = "# Topic 10\n\nThe tenth.\n",
            ["docs/topic-2.md"] = "# Topic 2\n\nThe second.\n",
        });
        var name = Repositories.NameOf(repository);
        await Repositories.StartOfflineRunAsync(fixture.Host, repository, "main");
        await using var tab = await Tab.OpenAsync(fixture, "natural-order");
        var page = tab.Page;
        await tab.LogInAsync("admin", DocsfyAppHost.AdminKey);
        await page.ReadyOfflineRowAsync(name);

        await page.GotoAsync($"/docs/{name}/main/offline/markdown/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/docs/{name}/main/offline/markdown/$"));
        // The start page's links, by the page each one opens.
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))");
        var second = Array.IndexOf(links, "docs-topic-2.html");
        var tenth = Array.IndexOf(links, "docs-topic-10.html");
        Assert.True(second >= 0 && tenth >= 0, $"The site links to both topics: {string.Join(" | ", links)}");
        Assert.True(second < tenth, $"Topic 2 comes before Topic 10: {string.Join(" | ", links)}");
        tab.AssertNoScriptErrors();
    }
}
