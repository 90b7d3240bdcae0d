using System.Net;
using System.Text;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;
using Docsfy.IntegrationTests.Search;

namespace Docsfy.IntegrationTests.Mcp;

/// <summary>
/// <c>/mcp</c> driven by the official MCP C# client over streamable HTTP: the handshake, the tool list, every tool against
/// documentation generated with <c>offline</c>, its errors, and who sees what.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class McpServerTests(DocsfyAppFixture fixture)
{
    private static readonly string[] ReadTools = ["get_llms_txt", "list_projects", "read_page", "search_docs"];
    private static readonly string[] AllTools = ["generate_docs", "get_llms_txt", "get_run_status", "list_projects", "read_page", "search_docs"];

    // Long enough for three windows of read_page.
    private static readonly string LongPage = "# Field notes\n\n" + string.Concat(Enumerable.Range(0, 900)
        .Select(i => $"Line {i} of the field notes says something about the widget, at length.\n"));

    [Fact]
    public async Task Initializes_lists_its_tools_with_schemas_and_each_tool_works_on_generated_docs()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "mcp-alice", "user");
        var files = new Dictionary<string, string>(SearchTests.SearchableFiles) { ["docs/notes.md"] = LongPage };
        using var repository = ServedRepository.Create("mcp", files);
        var project = repository.Name;
        await using var mcp = await McpSession.ConnectAsync(fixture.Host, alice.ApiKey);
        Assert.Equal("docsfy", mcp.Client.ServerInfo?.Name);
        Assert.Contains("never instructions", mcp.Client.ServerInstructions ?? "", StringComparison.Ordinal);

        var tools = await mcp.Client.ListToolsAsync().AsTask().WaitAsync(McpSession.CallTimeout);
        Assert.Equal(AllTools, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description), $"{t.Name} has a description"));
        var search = tools.Single(t => t.Name == "search_docs").JsonSchema;
        Assert.Equal(["query"], search.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", search.GetProperty("properties").GetProperty("limit").GetProperty("type").EnumerateArray()
            .Select(e => e.GetString()).First(t => t != "null"));

        // generate_docs goes through the run lifecycle; get_run_status follows the run until it is ready.
        var started = await mcp.CallAsync("generate_docs", new { repository = repository.Url, provider = "offline" });
        Assert.Equal((project, "main", "offline", "markdown", alice.Username, "generating"),
            (Str(started, "project"), Str(started, "branch"), Str(started, "provider"), Str(started, "model"), Str(started, "owner"),
             Str(started, "status")));
        var run = Str(started, "generation_id");
        await Eventually.HoldsAsync(async () =>
        {
            var status = (await mcp.CallAsync("get_run_status", new { generationId = run })).GetProperty("runs")[0];
            Assert.NotEqual("error", Str(status, "status"));
            return Str(status, "status") == "ready" && status.GetProperty("has_site").GetBoolean();
        }, "the run to be ready through get_run_status", PublishedDocs.RunTimeout);

        var listed = await mcp.CallAsync("list_projects");
        var mine = listed.GetProperty("projects").EnumerateArray().Single(p => Str(p, "name") == project);
        var variant = Assert.Single(mine.GetProperty("variants").EnumerateArray());
        Assert.Equal(($"/docs/{project}/main/offline/markdown/?owner={alice.Username}", run),
            (Str(variant, "docs_url"), Str(variant, "generation_id")));

        var found = await mcp.CallAsync("search_docs", new { query = "HubConnection", project });
        var hit = Assert.Single(found.GetProperty("hits").EnumerateArray());
        Assert.Equal("docs-hub", Str(hit, "slug"));
        Assert.Contains("<mark>HubConnection</mark>", Str(hit, "snippet"), StringComparison.Ordinal);

        var page = await mcp.CallAsync("read_page", new { project, slug = "docs-hub" });
        var served = (await client.GetAsync($"/docs/{project}/main/offline/markdown/docs-hub.md", alice.Bearer)).Body;
        Assert.Equal(served, Str(page, "content"));
        Assert.Contains("<script>alert('x')</script>", Str(page, "content"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_offset").ValueKind);

        // A long page comes in bounded windows that add up to the page exactly.
        var whole = new StringBuilder();
        int? offset = 0;
        var windows = 0;
        while (offset is { } at)
        {
            var window = await mcp.CallAsync("read_page", new { project, slug = "docs-notes", branch = "main", provider = "offline",
                model = "markdown", offset = at });
            Assert.True(Str(window, "content").Length <= 20_000);
            whole.Append(Str(window, "content"));
            offset = window.GetProperty("next_offset").ValueKind == JsonValueKind.Null ? null : window.GetProperty("next_offset").GetInt32();
            windows++;
        }
        Assert.True(windows >= 3, $"{windows} windows");
        Assert.Equal((await client.GetAsync($"/docs/{project}/main/offline/markdown/docs-notes.md", alice.Bearer)).Body,
            whole.ToString());

        var llms = await mcp.CallAsync("get_llms_txt", new { project });
        Assert.Contains("(docs-hub.md)", Str(llms, "content"), StringComparison.Ordinal);
        Assert.Equal((await client.GetAsync($"/docs/{project}/main/offline/markdown/llms.txt", alice.Bearer)).Body, Str(llms, "content"));

        // Every wrong argument is a tool error that says what is wrong.
        Assert.Contains("Invalid limit", await mcp.ErrorAsync("search_docs", new { query = "x", limit = 0 }), StringComparison.Ordinal);
        Assert.Contains("Invalid query", await mcp.ErrorAsync("search_docs", new { query = "  " }), StringComparison.Ordinal);
        Assert.Contains("'query'", await mcp.ErrorAsync("search_docs", new { limit = 5 }), StringComparison.Ordinal);
        Assert.Contains("Invalid arguments", await mcp.ErrorAsync("search_docs", new { query = "x", limit = "ten" }), StringComparison.Ordinal);
        Assert.Contains("Invalid query", await mcp.ErrorAsync("search_docs", new { query = new string('a', 201) }), StringComparison.Ordinal);
        Assert.Contains("Invalid slug", await mcp.ErrorAsync("read_page", new { project, slug = "../../etc/passwd" }), StringComparison.Ordinal);
        Assert.Contains("no file 'missing.md'", await mcp.ErrorAsync("read_page", new { project, slug = "missing" }), StringComparison.Ordinal);
        Assert.Contains("offset", await mcp.ErrorAsync("read_page", new { project, slug = "docs-hub", offset = 10_000_000 }),
            StringComparison.Ordinal);
        Assert.Contains("offset", await mcp.ErrorAsync("read_page", new { project, slug = "docs-hub", offset = -1 }), StringComparison.Ordinal);
        Assert.Contains("Invalid project", await mcp.ErrorAsync("read_page", new { project = "a/b", slug = "x" }), StringComparison.Ordinal);
        Assert.Contains("not found", await mcp.ErrorAsync("get_llms_txt", new { project = "no-such-project" }), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Invalid generationId", await mcp.ErrorAsync("get_run_status", new { generationId = "nope" }), StringComparison.Ordinal);
        Assert.Contains("No such run", await mcp.ErrorAsync("get_run_status", new { generationId = Guid.NewGuid() }), StringComparison.Ordinal);
        Assert.Contains("(repository)", await mcp.ErrorAsync("generate_docs", new { repository = "not a url", provider = "offline" }), StringComparison.Ordinal);
        Assert.Contains("Not allowed", await mcp.ErrorAsync("generate_docs", new { repository = "/etc", provider = "offline" }),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_role_sees_through_mcp_exactly_what_rest_shows_and_a_revoke_applies_to_the_next_call()
    {
        using var client = fixture.Host.Client();
        using var site = await SharedSite.CreateAsync(client, "mcp-vis", SearchTests.SearchableFiles);
        var project = site.Project;

        var sessions = new Dictionary<string, McpSession>();
        try
        {
            foreach (var (role, key) in new[]
                     {
                         ("admin", DocsfyAppHost.AdminKey), ("owner", site.Owner.ApiKey), ("grantee", site.Grantee.ApiKey),
                         ("other user", site.Other.ApiKey), ("viewer", site.Viewer.ApiKey),
                     })
            {
                sessions[role] = await McpSession.ConnectAsync(fixture.Host, key);
            }
            foreach (var (role, sees) in new[] { ("admin", true), ("owner", true), ("grantee", true), ("other user", false), ("viewer", false) })
            {
                await AssertSeesAsync(sessions[role], role, project, sees);
            }
            // Viewers may not start runs: they are not offered the tools.
            Assert.Equal(ReadTools, await sessions["viewer"].ToolNamesAsync());
            Assert.Equal(AllTools, await sessions["other user"].ToolNamesAsync());

            await site.RevokeAsync(client, site.Grantee);
            await AssertSeesAsync(sessions["grantee"], "grantee after the revoke", project, sees: false);

            // A viewer granted the project reads it, but still cannot generate.
            await site.GrantAsync(client, site.Viewer);
            await AssertSeesAsync(sessions["viewer"], "viewer with a grant", project, sees: true);
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                await session.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Without_a_key_with_a_wrong_key_or_with_only_a_session_cookie_mcp_answers_401()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "mcp-401", "user");
        var session = await client.LoginAsync(user.Username, user.ApiKey);
        const string Initialize = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
             "clientInfo":{"name":"test","version":"1"}}}
            """;
        foreach (var credential in new Credential?[] { null, Credential.Bearer("wrong-key-0123456789abcdef"), Credential.Session(session) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            credential?.Apply(request);
            var reply = await client.SendAsync(request);
            reply.AssertError(HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", reply.Header("WWW-Authenticate"));
        }
        await Assert.ThrowsAnyAsync<Exception>(() => McpSession.ConnectAsync(fixture.Host, "wrong-key-0123456789abcdef"));
        await using var valid = await McpSession.ConnectAsync(fixture.Host, user.ApiKey);
        Assert.Equal(AllTools, await valid.ToolNamesAsync());
    }

    private static async Task AssertSeesAsync(McpSession session, string role, string project, bool sees)
    {
        var listed = (await session.CallAsync("list_projects")).GetProperty("projects").EnumerateArray()
            .Any(p => Str(p, "name") == project);
        var hits = (await session.CallAsync("search_docs", new { query = "HubConnection", project })).GetProperty("hits").GetArrayLength();
        var read = await session.RawCallAsync("read_page", new { project, slug = "docs-hub" });
        Assert.True(listed == sees, $"list_projects for the {role}: expected {(sees ? "listed" : "absent")}");
        Assert.True(hits == (sees ? 1 : 0), $"search_docs for the {role}: {hits} hits");
        Assert.True(read.IsError is not true == sees, $"read_page for the {role}: {(read.IsError is true ? "error" : "read")}");
        if (!sees)
        {
            var text = string.Join("", read.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(c => c.Text));
            Assert.Contains("not found", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Str(JsonElement element, string property) => element.GetProperty(property).ValueKind == JsonValueKind.String
        ? element.GetProperty(property).GetString()!
        : element.GetProperty(property).GetRawText();
}
