using System.Net;
using System.Text.RegularExpressions;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Docs;

/// <summary>Images a repository's pages reference are part of its generated site, served as images.</summary>
[Collection(DocsfyCollection.Name)]
public sealed partial class SiteImageTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>One transparent pixel.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task A_page_that_references_a_repository_png_shows_the_image_from_the_site()
    {
        var name = DocsfyAppFixture.UniqueName("images");
        var repository = GitRepositories.Create(name, new Dictionary<string, string>
        {
            ["README.md"] = "# Pictures\n\nA repository with pictures.\n\n![The architecture](docs/img/arch.png)\n",
            ["docs/guide.md"] = "# Guide\n\n![Architecture](img/arch.png) and ![a drawing](img/drawing.svg) but ![gone](img/gone.png)\n",
            ["docs/img/drawing.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n",
        });
        GitRepositories.CommitBytes(repository, "docs/img/arch.png", Png, "Add the architecture picture");
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "offline", ai_model = "markdown" })).AssertStatus(HttpStatusCode.Accepted);
        var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());

        var root = $"/docs/{name}/main/offline/markdown";
        var overview = (await client.GetAsync($"{root}/overview.html", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        var png = Assert.Single(ImageSources(overview.Body));
        Assert.Matches(@"\Aimages/[0-9a-f]+\.png\z", png);
        var image = (await client.GetAsync($"{root}/{png}", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("image/png", image.Header("Content-Type"));
        Assert.Equal("nosniff", image.Header("X-Content-Type-Options"));
        Assert.Equal(Png, image.Bytes);

        // The guide, from docs/, means docs/img/ by img/: the same picture (one copy) and the drawing, never inlined.
        var guide = (await client.GetAsync($"{root}/docs-guide.html", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        var sources = ImageSources(guide.Body);
        Assert.Equal([png, sources[1]], sources);
        Assert.DoesNotContain("<svg", guide.Body, StringComparison.Ordinal);
        var svg = (await client.GetAsync($"{root}/{sources[1]}", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", svg.Header("Content-Type"));
        Assert.EndsWith("; sandbox", svg.Header("Content-Security-Policy"), StringComparison.Ordinal);

        // The image that is not there is its alt text, and the run's result says so.
        Assert.Contains("gone", guide.Body, StringComparison.Ordinal);
        const string leftOut = "1 referenced image not copied (docs/img/gone.png: does not exist in the repository (or is not a file)).";
        Assert.Equal(leftOut, run.SyncedVariant(name).GetProperty("left_out").GetString());
        var variant = (await client.GetAsync($"/api/projects/{name}/main/offline/markdown", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal(leftOut, variant.String("left_out"));
    }

    private static List<string> ImageSources(string html) => [.. ImageSource().Matches(html).Select(match => match.Groups["src"].Value)];

    [GeneratedRegex("<img src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ImageSource();
}
