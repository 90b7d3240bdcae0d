using Docsfy.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Docsfy.UnitTests.Auth;

public sealed class SameOriginCookieWritesTests
{
    private static HttpContext Request(string method, string? origin, bool cookie = true, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost:8000");
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }
        if (cookie)
        {
            context.Request.Headers.Cookie = "docsfy_session=abc";
        }
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context;
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public void A_cookie_write_from_another_origin_is_refused(string method)
    {
        Assert.True(SameOriginCookieWrites.IsRefused(Request(method, "http://localhost:3000"), []));
        Assert.True(SameOriginCookieWrites.IsRefused(Request(method, "null"), []));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void Reads_are_not_writes(string method) =>
        Assert.False(SameOriginCookieWrites.IsRefused(Request(method, "http://localhost:3000"), []));

    [Fact]
    public void The_apis_own_origin_and_allowed_ones_may_write() =>
        Assert.All(new[] { "http://localhost:8000", "https://dash.example.com" },
            origin => Assert.False(SameOriginCookieWrites.IsRefused(Request("POST", origin), ["https://dash.example.com"])));

    [Fact]
    public void A_key_a_missing_cookie_or_a_missing_origin_is_not_a_cookie_write_from_a_page()
    {
        Assert.False(SameOriginCookieWrites.IsRefused(Request("POST", "http://localhost:3000", authorization: "Bearer k"), []));
        Assert.False(SameOriginCookieWrites.IsRefused(Request("POST", "http://localhost:3000", cookie: false), []));
        Assert.False(SameOriginCookieWrites.IsRefused(Request("POST", origin: null), []));
    }
}
