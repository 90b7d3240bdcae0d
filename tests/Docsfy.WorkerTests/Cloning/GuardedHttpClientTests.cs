using System.Net;
using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>The connection-time address check, which holds even when DNS changes after the first check.</summary>
public sealed class GuardedHttpClientTests
{
    [Fact]
    public async Task Refuses_to_connect_to_loopback_unless_the_request_allows_it()
    {
        using var served = new TempFolder();
        using var server = new GitHttpServer(served.Path);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(server.UrlOf("x"), allowLoopback: false));
        using var allowed = await SendAsync(server.UrlOf("x"), allowLoopback: true);

        Assert.Contains("not a public internet address", refused.Message);
        Assert.NotEqual(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Does_not_follow_redirects()
    {
        using var served = new TempFolder();
        using var server = new GitHttpServer(served.Path);
        using var redirect = new RedirectServer($"http://localhost:{server.Port}");

        using var response = await SendAsync(redirect.UrlOf("x"), allowLoopback: true);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(string url, bool allowLoopback)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(GuardedHttpClient.AllowLoopback, allowLoopback);
        return GuardedHttpClient.Instance.SendAsync(request).WaitAsync(Cloners.Bound);
    }
}
