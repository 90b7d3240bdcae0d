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
    public void A_path_that_a_browser_reads_as_another_host_is_not_carried_over()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "//evil.example/x";
        Assert.Equal("/login?next=%2F", LoginRedirect.Location(context.Request));
    }

    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example/phish")]
    [InlineData("/\r/evil.example/phish")]
    [InlineData("\t//evil.example")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("/\t\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/\u0000/x")]
    [InlineData("/..//evil.example/phish")]
    [InlineData("/.//evil.example")]
    [InlineData("/a/..//evil.example")]
    [InlineData("/%2E%2E//evil.example")]
    [InlineData("/%2e.//evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void A_next_that_a_browser_reads_as_another_site_goes_home(string? next) =>
        Assert.Equal("/", LoginRedirect.SafeNext(next));

    [Theory]
    [InlineData("/")]
    [InlineData("/#/generate")]
    [InlineData("/docs/my-proj/main/cursor/gpt-5/guide.html?owner=alice")]
    [InlineData("/docs/a%2F%2Fb/index.html")]
    [InlineData("/docs/../login")]
    public void A_path_of_this_site_is_kept(string next) => Assert.Equal(next, LoginRedirect.SafeNext(next));

    [Theory]
    [InlineData("?next=%2F%09%2Fevil.example%2Fphish", "/login?next=%2F")]
    [InlineData("?reason=expired&next=%2F%0A%2Fevil.example", "/login?reason=expired&next=%2F")]
    [InlineData("?next=%2F&next=%2F%2Fevil.example", "/login?next=%2F")]
    [InlineData("?next=%2F%23%2Fgenerate", null)]
    [InlineData("?reason=expired", null)]
    public void The_server_answers_a_login_page_with_a_foreign_next_by_making_it_safe(string query, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = LoginRedirect.LoginPath;
        context.Request.QueryString = new QueryString(query);
        Assert.Equal(expected, LoginRedirect.UnsafeNextRedirect(context.Request));
    }
}
