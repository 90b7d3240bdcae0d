using System.Net;
using System.Net.Http.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>
/// An address the caller's role does not reach, opened from a link: a browser gets the small HTML error page with the way
/// back to the dashboard, a script keeps the API's JSON 403.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class ForbiddenPageTests(DocsfyAppFixture fixture)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData("/api/admin/users")]
    [InlineData("/api/admin/projects/anything/access?owner=someone")]
    [InlineData("/api/branches?repo_url=https://example.com/a/b.git")]
    public async Task A_browser_gets_a_page_and_a_script_gets_JSON_for_an_address_its_role_does_not_reach(string path)
    {
        using var client = fixture.Host.Client();
        var viewer = await Users.CreateAsync(client, "forbidden-link", "viewer");
        var session = Credential.Session(await client.LoginAsync(viewer.Username, viewer.ApiKey));

        var page = (await GetAsync(client, path, session, BrowserAccept)).AssertStatus(HttpStatusCode.Forbidden);
        Assert.StartsWith("text/html", page.Header("Content-Type"));
        Assert.Contains("<h1>Not allowed</h1>", page.Body, StringComparison.Ordinal);
        Assert.Contains("Your role does not allow this.", page.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the Docsfy dashboard</a>", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("default-src 'none'", page.Header("Content-Security-Policy"));
        Assert.Equal("no-store", page.Header("Cache-Control"));

        // A script: it sent its key, or it did not ask for HTML.
        var keyed = (await GetAsync(client, path, viewer.Bearer, BrowserAccept)).AssertError(HttpStatusCode.Forbidden);
        Assert.Equal("Your role does not allow this.", keyed.Detail);
        (await GetAsync(client, path, session, "application/json")).AssertError(HttpStatusCode.Forbidden);
        (await GetAsync(client, path, session, accept: null)).AssertError(HttpStatusCode.Forbidden);
        // A refused change is never a navigation, whatever it accepts.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users") { Content = JsonContent.Create(new { }) };
        session.Apply(post);
        post.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        (await client.SendAsync(post)).AssertError(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_browser_opening_an_unknown_address_gets_a_page_and_a_script_gets_JSON()
    {
        using var client = fixture.Host.Client();
        var viewer = await Users.CreateAsync(client, "unknown-link", "viewer");
        var session = Credential.Session(await client.LoginAsync(viewer.Username, viewer.ApiKey));
        var path = $"/{DocsfyAppFixture.UniqueName("no-such-page")}";

        var page = (await GetAsync(client, path, session, BrowserAccept)).AssertStatus(HttpStatusCode.NotFound);
        Assert.StartsWith("text/html", page.Header("Content-Type"));
        Assert.Contains("<h1>Page not found</h1>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the Docsfy dashboard</a>", page.Body, StringComparison.Ordinal);
        (await GetAsync(client, path, session, "application/json")).AssertError(HttpStatusCode.NotFound);
    }

    private static async Task<Reply> GetAsync(DocsfyClient client, string path, Credential credential, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        credential.Apply(request);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await client.SendAsync(request);
    }
}
