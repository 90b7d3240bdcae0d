using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Dashboard;

/// <summary>The dashboard's pages and assets carry its strict policy: the README's "no inline script or style, no framing".</summary>
[Collection(DocsfyCollection.Name)]
public sealed class DashboardHeadersTests(DocsfyAppFixture fixture)
{
    /// <summary>Only the dashboard's own scripts, styles, requests and sockets; no plugins, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    [Theory]
    [InlineData("/login", "text/html")]
    [InlineData("/", "text/html")]
    [InlineData("/assets/app.css", "text/css")]
    [InlineData("/assets/theme-init.js", "text/javascript")]
    public async Task Pages_and_assets_carry_the_dashboards_security_headers(string path, string contentType)
    {
        using var client = fixture.Host.Client();
        var session = Credential.Session(await client.LoginAsync("admin", DocsfyAppHost.AdminKey));

        var reply = (await client.GetAsync(path, session)).AssertStatus(HttpStatusCode.OK);

        Assert.StartsWith(contentType, reply.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(ContentSecurityPolicy, reply.Header("Content-Security-Policy"));
        Assert.Equal("DENY", reply.Header("X-Frame-Options"));
        Assert.Equal("nosniff", reply.Header("X-Content-Type-Options"));
        Assert.Equal("same-origin", reply.Header("Referrer-Policy"));
        Assert.Equal("no-cache", reply.Header("Cache-Control"));
    }
}
