using Docsfy.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Docsfy.UnitTests.Docs;

public sealed class LoginRedirectTests
{
    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("TEXT/HTML", true)]
    [InlineData("text/html;q=0", false)]
    [InlineData("application/json", false)]
    [InlineData("*/*", false)]
    [InlineData("", false)]
    [InlineData("garbage;;;", false)]
    public void Only_requests_that_ask_for_html_count_as_a_browser(string accept, bool expected) =>
        Assert.Equal(expected, LoginRedirect.AcceptsHtml(accept));

    [Fact]
    public void The_login_location_carries_the_original_path_and_query_encoded()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/docs/my-proj/main/cursor/gpt-5/guide.html";
        context.Request.QueryString = new QueryString("?owner=alice");
        Assert.Equal("/login?next=%2Fdocs%2Fmy-proj%2Fmain%2Fcursor%2Fgpt-5%2Fguide.html%3Fowner%3Dalice",
            LoginRedirect.Location(context.Request));
    }

    [Fact]
    public void A_path_that_looks_like_another_host_stays_a_query_value()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "//evil.example/x";
        Assert.StartsWith("/login?next=%2F%2Fevil.example", LoginRedirect.Location(context.Request), StringComparison.Ordinal);
    }
}
