using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Search;

/// <summary>
/// <c>GET /api/search</c> over sites generated for real (offline provider): what it finds, in which order, and for whom.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class SearchTests(DocsfyAppFixture fixture)
{
    internal static readonly Dictionary<string, string> SearchableFiles = new()
    {
        ["README.md"] = "# Sample\n\nA sample service for search tests.\n",
        ["docs/hub.md"] = "# Live updates\n\nThe HubConnection class reconnects with a growing delay after the server restarts.\n\n"
            + "## Tuning the worker\n\nSet max_concurrent_pages to bound how many pages are written at once.\n\n"
            + "Pages may say <script>alert('x')</script> & other things.\n",
        ["docs/backoff.md"] = "# Exponential backoff\n\nEach retry waits twice as long as the one before.\n",
        ["docs/retries.md"] = "# Retries\n\n## Exponential backoff everywhere\n\nExponential backoff is used by the hub, the worker "
            + "and the client: exponential backoff here, exponential backoff there, exponential backoff in between.\n",
        ["src/service.c"] = "int serve(void) { return 0; }\n",
    };

    [Fact]
    public async Task Finds_code_identifiers_phrases_and_title_words_with_an_exact_title_first()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "search-alice", "user");
        using var repository = ServedRepository.Create("search", SearchableFiles);
        await PublishedDocs.GenerateAsync(client, alice.Bearer, new { repo_url = repository.Url, ai_provider = "offline" });
        var project = repository.Name;

        var identifier = await SearchAsync(client, alice, "HubConnection", project);
        var hit = Assert.Single(identifier);
        Assert.Equal((project, "main", "offline", "markdown", alice.Username, "docs-hub", "Live updates"),
            (Str(hit, "project"), Str(hit, "branch"), Str(hit, "provider"), Str(hit, "model"), Str(hit, "owner"), Str(hit, "slug"),
             Str(hit, "title")));
        Assert.Contains("<mark>HubConnection</mark>", Str(hit, "snippet"), StringComparison.Ordinal);
        Assert.Equal($"/docs/{project}/main/offline/markdown/docs-hub.html?owner={alice.Username}", Str(hit, "url"));
        (await client.GetAsync(Str(hit, "url"), alice.Bearer)).AssertStatus(HttpStatusCode.OK);

        // A word inside a camel-case identifier, and a snake_case setting written as in code.
        Assert.Equal(["docs-hub"], Slugs(await SearchAsync(client, alice, "connection", project)));
        Assert.Equal(["docs-hub"], Slugs(await SearchAsync(client, alice, "max_concurrent_pages", project)));
        // A phrase matches only in that order.
        Assert.Equal(["docs-hub"], Slugs(await SearchAsync(client, alice, "\"growing delay\"", project)));
        Assert.Empty(await SearchAsync(client, alice, "\"delay growing\"", project));
        // A word of a page's title (stemmed: "update" finds "updates").
        Assert.Equal(["docs-hub"], Slugs(await SearchAsync(client, alice, "update", project)));

        // The page titled exactly so comes first, though another says it more often.
        var ranked = Slugs(await SearchAsync(client, alice, "exponential backoff", project));
        Assert.Equal(["docs-backoff", "docs-retries"], ranked);

        // The snippet is the page's text encoded: markup the AI wrote is shown, never interpreted.
        var escaped = Assert.Single(await SearchAsync(client, alice, "things", project));
        Assert.DoesNotContain("<script", Str(escaped, "snippet"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&amp;", Str(escaped, "snippet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_come_only_from_sites_the_caller_may_see_and_go_with_a_revoke_or_a_delete()
    {
        using var client = fixture.Host.Client();
        using var site = await SharedSite.CreateAsync(client, "search-vis", SearchableFiles);
        var project = site.Project;

        foreach (var (who, credential) in new[] { ("owner", site.Owner.Bearer), ("grantee", site.Grantee.Bearer), ("admin", DocsfyAppFixture.Admin) })
        {
            Assert.True((await SearchAsync(client, credential, "HubConnection", project)).Count == 1, $"the {who} finds the page");
        }
        foreach (var (who, credential) in new[] { ("other user", site.Other.Bearer), ("viewer", site.Viewer.Bearer) })
        {
            Assert.True((await SearchAsync(client, credential, "HubConnection", project)).Count == 0, $"the {who} finds nothing");
            Assert.True((await SearchAsync(client, credential, "HubConnection")).All(h => Str(h, "project") != project),
                $"the {who} finds nothing across all projects");
        }

        await site.RevokeAsync(client, site.Grantee);
        Assert.Empty(await SearchAsync(client, site.Grantee.Bearer, "HubConnection", project));

        (await client.SendAsync(HttpMethod.Delete, $"/api/projects/{project}/main/offline/markdown", site.Owner.Bearer))
            .AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(await SearchAsync(client, DocsfyAppFixture.Admin, "HubConnection", project));
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from search_pages where generation_id = @run",
            ("run", site.Run)));
    }

    [Fact]
    public async Task A_search_during_a_run_sees_only_the_published_site()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "search-run", "user");
        using var repository = ServedRepository.Create("search-run", GenerationTests.SampleFiles);
        var model = FakeAi.UniqueModel();
        var body = new { repo_url = repository.Url, ai_provider = "claude", ai_model = model };
        var published = await PublishedDocs.GenerateAsync(client, owner.Bearer, body);
        var project = repository.Name;
        Assert.NotEmpty(await SearchAsync(client, owner.Bearer, "\"Written by the fake AI\"", project));

        // The next run hangs at its first AI call; meanwhile its worker's files exist under its own run id (as they do
        // once a worker has saved a site, before the ready event publishes it): a search must not read them.
        GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["DOCSFY_FAKE_HANG"] = "" }, "hang");
        var regenerate = await client.PostAsync($"/api/projects/{project}/main/claude/{model}/regenerate", owner.Bearer,
            new { force = true });
        var running = Guid.Parse(regenerate.AssertStatus(HttpStatusCode.Accepted).String("generation_id"));
        try
        {
            await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the second run's AI call", PublishedDocs.RunTimeout);
            var index = JsonSerializer.Serialize(new
            {
                pages = new[] { new { slug = "draft", url = "draft.html", title = "Draft", description = "", headings = Array.Empty<object>(), text = "zanzibarium" } },
            });
            await SiteFiles.WriteRunAsync(fixture.Host, running,
                SiteFiles.File.Text("draft.html", "text/html", "<p>zanzibarium</p>"),
                SiteFiles.File.Text("search-index.json", "application/json", index));

            Assert.Empty(await SearchAsync(client, owner.Bearer, "zanzibarium", project));
            var hits = await SearchAsync(client, owner.Bearer, "\"Written by the fake AI\"", project);
            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal(model, Str(h, "model")));
            Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from search_pages where generation_id = @run",
                ("run", running)));
        }
        finally
        {
            (await client.PostAsync($"/api/projects/{project}/main/claude/{model}/abort", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
            FakeAi.Kill(model);
        }
        // The aborted run published nothing: the first site is still the one found.
        Assert.NotEmpty(await SearchAsync(client, owner.Bearer, "\"Written by the fake AI\"", project));
        Assert.Empty(await SearchAsync(client, owner.Bearer, "zanzibarium", project));
        Assert.NotEqual(published, running);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_parameter_and_no_credential_is_a_401()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "search-bad", "user");
        foreach (var (query, field) in new[]
                 {
                     ("", "q"), ("q=", "q"), ("q=%20%20", "q"), ($"q={new string('a', 201)}", "q"), ("q=%22%22", "q"),
                     ("q=x&limit=0", "limit"), ("q=x&limit=51", "limit"), ("q=x&limit=ten", "limit"), ("q=x&limit=-1", "limit"),
                     ("q=x&project=..%2Fetc", "project"), ("q=x&branch=a%2Fb", "branch"), ("q=x&owner=not%20a%20user", "owner"),
                     ("q=x&model=%00", "model"),
                 })
        {
            var reply = (await client.GetAsync($"/api/search?{query}", user.Bearer)).AssertError(HttpStatusCode.BadRequest);
            Assert.Equal(field, reply.String("field"));
        }
        (await client.GetAsync("/api/search?q=x&limit=50", user.Bearer)).AssertStatus(HttpStatusCode.OK);
        // Operators alone or stop words alone are valid and find nothing, rather than failing.
        Assert.Empty((await client.GetAsync("/api/search?q=the%20-or", user.Bearer)).AssertStatus(HttpStatusCode.OK)
            .Json.GetProperty("hits").EnumerateArray());
        (await client.GetAsync("/api/search?q=x")).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/search?q=x", Credential.Bearer("wrong-key-0123456789abcdef"))).AssertError(HttpStatusCode.Unauthorized);
    }

    internal static async Task<IReadOnlyList<JsonElement>> SearchAsync(DocsfyClient client, Users.Created user, string q,
        string? project = null) => await SearchAsync(client, user.Bearer, q, project);

    internal static async Task<IReadOnlyList<JsonElement>> SearchAsync(DocsfyClient client, Credential credential, string q,
        string? project = null)
    {
        var path = $"/api/search?q={Uri.EscapeDataString(q)}&limit=50" + (project is null ? "" : $"&project={project}");
        var reply = (await client.GetAsync(path, credential)).AssertStatus(HttpStatusCode.OK);
        return [.. reply.Json.GetProperty("hits").EnumerateArray()];
    }

    private static string Str(JsonElement hit, string property) => hit.GetProperty(property).GetString()!;

    private static List<string> Slugs(IReadOnlyList<JsonElement> hits) => [.. hits.Select(h => Str(h, "slug"))];
}
