using Docsfy.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Docsfy.UnitTests.Auth;

public sealed class OriginPolicyTests
{
    private static HttpRequest Request(string host, string? origin)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }
        return context.Request;
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://localhost:8000", true)]
    [InlineData("http://LOCALHOST:8000", true)]
    [InlineData("http://localhost:9000", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("null", false)]
    [InlineData("not a url", false)]
    [InlineData("https://docs.example.com", true)]
    [InlineData("https://docs.example.com/", true)]
    [InlineData("https://localhost:8000", false)] // another scheme is another origin
    [InlineData("http://localhost:8000/path", false)]
    [InlineData("http://localhost:8000?q=1", false)]
    [InlineData("http://user@localhost:8000", false)]
    [InlineData("http://localhost:8000@evil.example", false)]
    [InlineData("https://docs.example.com/path", false)]
    public void Same_origin_and_configured_origins_are_allowed(string? origin, bool allowed) =>
        Assert.Equal(allowed, OriginPolicy.IsAllowed(Request("localhost:8000", origin), ["https://docs.example.com"]));
}
