using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Docs;

/// <summary><c>/docs</c>: which site is served to whom, with which headers, and how a browser without a session is treated.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class DocsServingTests(DocsfyAppFixture fixture)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    [Fact]
    public async Task A_variant_site_is_served_with_its_content_types_index_fallback_and_security_headers()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "docs-owner", "user");
        var name = DocsfyAppFixture.UniqueName("docs");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, model: "gpt-5");
        await SiteFiles.PublishAsync(fixture.Host, id, null,
            SiteFiles.File.Text("index.html", "text/html; charset=utf-8", "<h1>home</h1>"),
            SiteFiles.File.Text("guide.html", "text/html; charset=utf-8", "<h1>guide</h1>"),
            SiteFiles.File.Text("assets/css/site.css", "text/css", "body{}"),
            SiteFiles.File.Text("search-index.json", "application/json", "[]"),
            SiteFiles.File.Text("reference/index.html", "text/html", "<h1>reference</h1>"),
            SiteFiles.File.Text("bad-type.bin", "not a media type", "x"));
        var root = $"/docs/{name}/main/cursor/gpt-5";

        var index = (await client.GetAsync($"{root}/", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("<h1>home</h1>", index.Body);
        Assert.Equal("text/html; charset=utf-8", index.Header("Content-Type"));
        Assert.Equal(Csp, index.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", index.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", index.Header("Referrer-Policy"));
        Assert.Equal("DENY", index.Header("X-Frame-Options"));
        Assert.Equal("no-cache, private", index.Header("Cache-Control"));
        Assert.Matches("\\A\"[0-9a-f]{64}\"\\z", index.Header("ETag"));

        Assert.Equal("<h1>guide</h1>", (await client.GetAsync($"{root}/guide.html", owner.Bearer)).AssertStatus(HttpStatusCode.OK).Body);
        Assert.Equal("text/css", (await client.GetAsync($"{root}/assets/css/site.css", owner.Bearer)).Header("Content-Type"));
        Assert.StartsWith("application/json", (await client.GetAsync($"{root}/search-index.json", owner.Bearer)).Header("Content-Type"));
        Assert.Equal("<h1>reference</h1>", (await client.GetAsync($"{root}/reference/", owner.Bearer)).Body);
        Assert.Equal("application/octet-stream", (await client.GetAsync($"{root}/bad-type.bin", owner.Bearer)).Header("Content-Type"));
        (await client.GetAsync($"{root}/missing.html", owner.Bearer)).AssertError(HttpStatusCode.NotFound);

        // A site root without its slash is redirected, so the index page's relative links resolve inside the site.
        var redirect = (await client.GetAsync(root, owner.Bearer)).AssertStatus(HttpStatusCode.Found);
        Assert.Equal($"{root}/", redirect.Header("Location"));
        Assert.Equal($"/docs/{name}/", (await client.GetAsync($"/docs/{name}", owner.Bearer)).Header("Location"));

        // The newest-site route, including nested files that look like a variant's segments.
        Assert.Equal("<h1>home</h1>", (await client.GetAsync($"/docs/{name}/", owner.Bearer)).Body);
        Assert.Equal("body{}", (await client.GetAsync($"/docs/{name}/assets/css/site.css", owner.Bearer)).Body);
    }

    [Fact]
    public async Task ETags_turn_repeat_requests_into_304s()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "docs-etag", "user");
        var name = DocsfyAppFixture.UniqueName("docs-etag");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await SiteFiles.PublishAsync(fixture.Host, id, null, SiteFiles.File.Text("index.html", "text/html", "<p>v1</p>"));
        var path = $"/docs/{name}/main/cursor/gpt-5/";
        var etag = (await client.GetAsync(path, owner.Bearer)).Header("ETag")!;

        foreach (var validator in new[] { etag, $"W/{etag}", $"\"0000\", {etag}", "*" })
        {
            var notModified = await GetAsync(client, path, owner.Bearer, ("If-None-Match", validator));
            notModified.AssertStatus(HttpStatusCode.NotModified);
            Assert.Empty(notModified.Bytes);
            Assert.Equal(etag, notModified.Header("ETag"));
        }
        (await GetAsync(client, path, owner.Bearer, ("If-None-Match", "\"0123abcd\""))).AssertStatus(HttpStatusCode.OK);
        (await GetAsync(client, path, owner.Bearer, ("If-None-Match", "garbage"))).AssertStatus(HttpStatusCode.OK);

        // A new published run changes the ETag, so the old validator fetches the new content.
        await SiteFiles.PublishAsync(fixture.Host, id, null, SiteFiles.File.Text("index.html", "text/html", "<p>v2</p>"));
        var changed = (await GetAsync(client, path, owner.Bearer, ("If-None-Match", etag))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("<p>v2</p>", changed.Body);
        Assert.NotEqual(etag, changed.Header("ETag"));
    }

    [Fact]
    public async Task Only_those_who_see_a_variant_see_its_site_and_the_newest_prefers_the_callers_own()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "docs-alice", "user");
        var carol = await Users.CreateAsync(client, "docs-carol", "user");
        var dave = await Users.CreateAsync(client, "docs-dave", "user");
        var name = DocsfyAppFixture.UniqueName("docs-vis");
        var t0 = DateTime.UtcNow.AddDays(-1);
        var older = await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "ready", "old", "cursor", "m");
        var newer = await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "generating", "new", "cursor", "m");
        var unpublished = await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "ready", "none", "cursor", "m");
        var carols = await VariantRows.InsertAsync(fixture.Host, name, carol.Username, "ready", "main", "cursor", "m");
        await SiteFiles.PublishAsync(fixture.Host, older, t0, SiteFiles.File.Text("index.html", "text/html", "alice old"));
        // Generating again, yet its last published site stays served.
        await SiteFiles.PublishAsync(fixture.Host, newer, t0.AddHours(2), SiteFiles.File.Text("index.html", "text/html", "alice new"));
        await SiteFiles.PublishAsync(fixture.Host, carols, t0.AddHours(1), SiteFiles.File.Text("index.html", "text/html", "carol"));
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = carol.Username, owner = alice.Username })).AssertStatus(HttpStatusCode.Created);

        Assert.Equal("alice new", (await client.GetAsync($"/docs/{name}/", alice.Bearer)).Body);
        Assert.Equal("alice old", (await client.GetAsync($"/docs/{name}/old/cursor/m/", alice.Bearer)).Body);
        // Carol sees Alice's newer site too, but her own comes first; she can still open Alice's explicitly.
        Assert.Equal("carol", (await client.GetAsync($"/docs/{name}/", carol.Bearer)).Body);
        Assert.Equal("alice new", (await client.GetAsync($"/docs/{name}/?owner={alice.Username}", carol.Bearer)).Body);
        Assert.Equal("alice new", (await client.GetAsync($"/docs/{name}/new/cursor/m/", carol.Bearer)).Body);
        // The admin owns none of them: the newest wins.
        Assert.Equal("alice new", (await client.GetAsync($"/docs/{name}/", DocsfyAppFixture.Admin)).Body);

        (await client.GetAsync($"/docs/{name}/none/cursor/m/", alice.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/docs/{name}/", dave.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/docs/{name}/old/cursor/m/", dave.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/docs/{name}/main/cursor/m/?owner={carol.Username}", alice.Bearer)).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Browsers_without_a_session_are_sent_to_login_and_scripts_get_401()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "docs-login", "user");
        var name = DocsfyAppFixture.UniqueName("docs-login");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await SiteFiles.PublishAsync(fixture.Host, id, null, SiteFiles.File.Text("guide.html", "text/html", "guide"));
        var path = $"/docs/{name}/main/cursor/gpt-5/guide.html";
        const string browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        var browser = (await GetAsync(client, $"{path}?owner={owner.Username}", null, ("Accept", browserAccept)))
            .AssertStatus(HttpStatusCode.Found);
        Assert.Equal($"/login?next={Uri.EscapeDataString($"{path}?owner={owner.Username}")}", browser.Header("Location"));
        (await GetAsync(client, path, null, ("Accept", "application/json"))).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync(path)).AssertError(HttpStatusCode.Unauthorized);
        // A client that sent a key is not a browser; the API itself never redirects.
        (await GetAsync(client, path, Credential.Bearer("docsfy_wrong-key-wrong-key-wrong-key"), ("Accept", browserAccept)))
            .AssertError(HttpStatusCode.Unauthorized);
        (await GetAsync(client, "/api/projects", null, ("Accept", browserAccept))).AssertError(HttpStatusCode.Unauthorized);
        // An expired or forged session from a browser also goes to the login page.
        (await GetAsync(client, path, Credential.Session("not-a-real-session-token"), ("Accept", browserAccept)))
            .AssertStatus(HttpStatusCode.Found);

        var session = await client.LoginAsync(owner.Username, owner.ApiKey);
        var page = (await GetAsync(client, path, Credential.Session(session), ("Accept", browserAccept))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("guide", page.Body);
    }

    // What the API refuses itself is 400. Kestrel removes dot segments, literal or written %2e%2e, before any middleware
    // runs (RFC 3986), so those requests arrive as a request for another path: the other owner's site, which this caller
    // cannot see, or a path outside /docs; both are 404. Kestrel also refuses an encoded NUL itself.
    [Theory]
    [InlineData("/docs/{name}/..%2f..%2fetc/passwd", 400)]
    [InlineData("/docs/{name}/main/cursor/gpt-5/..%2f..%2f..%2fetc%2fpasswd", 400)]
    [InlineData("/docs/{name}/%2e%2e/%2e%2e/etc/passwd", 404)]
    [InlineData("/docs/{name}/%2e%2e%2f{secret}/index.html", 400)]
    [InlineData("/docs/{name}/../{secret}/index.html", 404)]
    [InlineData("/docs/{name}/main/cursor/gpt-5/../../../{secret}/", 404)]
    [InlineData("/docs/{name}/..%5c..%5cetc%5cpasswd", 400)]
    [InlineData("/docs/{name}/a%00b", 400)]
    [InlineData("/docs/{name}/%252e%252e/%252e%252e/etc/passwd", 400)]
    [InlineData("/docs/{name}//etc/passwd", 400)]
    [InlineData("/docs/{name}/.env", 400)]
    [InlineData("/docs/{name}/main/cursor/gpt-5/%2fetc%2fpasswd", 400)]
    [InlineData("/docs/{name}/C:%5cwindows%5cwin.ini", 400)]
    public async Task Traversal_attempts_are_refused_and_never_reach_another_site(string template, int status)
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "docs-trav", "user");
        var other = await Users.CreateAsync(client, "docs-trav-other", "user");
        var name = DocsfyAppFixture.UniqueName("docs-trav");
        var secret = DocsfyAppFixture.UniqueName("docs-secret");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await SiteFiles.PublishAsync(fixture.Host, id, null, SiteFiles.File.Text("index.html", "text/html", "public"));
        var secretId = await VariantRows.InsertAsync(fixture.Host, secret, other.Username);
        await SiteFiles.PublishAsync(fixture.Host, secretId, null, SiteFiles.File.Text("index.html", "text/html", "TOP-SECRET"));

        var target = template.Replace("{name}", name).Replace("{secret}", secret);
        var response = await RawHttp.GetAsync(fixture.Host, target, $"Authorization: Bearer {owner.ApiKey}");

        Assert.True(status == response.Status, $"{target}: expected {status}, got {response.Status}\n{response.Head}\n{response.Body}");
        Assert.DoesNotContain("TOP-SECRET", response.Body);
        Assert.DoesNotContain("root:", response.Body);
    }

    [Fact]
    public async Task A_browser_gets_a_small_page_for_a_missing_or_invisible_page_and_a_wrong_path_while_API_clients_keep_JSON()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "docs-page", "user");
        var stranger = await Users.CreateAsync(client, "docs-other", "user");
        var session = Credential.Session(await client.LoginAsync(owner.Username, owner.ApiKey));
        var name = DocsfyAppFixture.UniqueName("docs-page");
        var secret = DocsfyAppFixture.UniqueName("docs-secret");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, model: "gpt-5");
        await SiteFiles.PublishAsync(fixture.Host, id, null, SiteFiles.File.Text("index.html", "text/html", "<h1>home</h1>"));
        var hidden = await VariantRows.InsertAsync(fixture.Host, secret, stranger.Username, model: "gpt-5");
        await SiteFiles.PublishAsync(fixture.Host, hidden, null, SiteFiles.File.Text("index.html", "text/html", "<h1>secret</h1>"));
        var root = $"/docs/{name}/main/cursor/gpt-5";
        var browser = ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        // A missing page inside a site: what happened, the site's start page and the dashboard.
        var missing = (await GetAsync(client, $"{root}/missing.html?owner={owner.Username}", session, browser))
            .AssertStatus(HttpStatusCode.NotFound);
        Assert.StartsWith("text/html", missing.Header("Content-Type"));
        Assert.Contains("This documentation has no page at this address.", missing.Body, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{root}/?owner={owner.Username}\">", missing.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the Docsfy dashboard</a>", missing.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", missing.Body, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("default-src 'none'", missing.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", missing.Header("X-Content-Type-Options"));

        // A wrong path (a dot-file) inside the site: 400, the same kind of page.
        var wrong = (await GetAsync(client, $"{root}/.env", session, browser)).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("This is not a valid path of a documentation page.", wrong.Body, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{root}/\">", wrong.Body, StringComparison.Ordinal);

        // Someone else's site is not there for this user: a page without any way into it.
        foreach (var path in new[] { $"/docs/{secret}/", $"/docs/{secret}/main/cursor/gpt-5/index.html", $"/api/projects/{secret}/download" })
        {
            var invisible = (await GetAsync(client, path, session, browser)).AssertStatus(HttpStatusCode.NotFound);
            Assert.StartsWith("text/html", invisible.Header("Content-Type"));
            Assert.Contains("Documentation not found", invisible.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, invisible.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("<h1>secret</h1>", invisible.Body, StringComparison.Ordinal);
        }

        // Scripts keep the JSON error: a key was sent, or HTML was not asked for.
        (await GetAsync(client, $"{root}/missing.html", owner.Bearer, browser)).AssertError(HttpStatusCode.NotFound);
        (await GetAsync(client, $"{root}/missing.html", session, ("Accept", "application/json"))).AssertError(HttpStatusCode.NotFound);
        (await GetAsync(client, $"/api/projects/{secret}/download", session)).AssertError(HttpStatusCode.NotFound);
    }

    private static async Task<Reply> GetAsync(DocsfyClient client, string path, Credential? credential,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        credential?.Apply(request);
        foreach (var (header, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        return await client.SendAsync(request);
    }
}
