using Docsfy.Api.Docs;

namespace Docsfy.UnitTests.Docs;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData(null, "index.html")]
    [InlineData("", "index.html")]
    [InlineData("getting-started.html", "getting-started.html")]
    [InlineData("guide/", "guide/index.html")]
    [InlineData("assets/css/site.css", "assets/css/site.css")]
    [InlineData("search-index.json", "search-index.json")]
    [InlineData("llms-full.txt", "llms-full.txt")]
    public void Plain_relative_paths_are_kept_and_folders_mean_their_index(string? requested, string stored) =>
        Assert.Equal(stored, SitePaths.Normalize(requested));

    [Theory]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../etc/passwd")]
    [InlineData("./index.html")]
    [InlineData("..%2f..%2fetc/passwd")]
    [InlineData("%2e%2e/secret")]
    [InlineData("a%00b")]
    [InlineData("a\0b")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData("//host/share")]
    [InlineData("C:/windows/win.ini")]
    [InlineData("a//b")]
    [InlineData(".env")]
    [InlineData("a/.git/config")]
    [InlineData("a b.html")]
    [InlineData("line\nbreak")]
    [InlineData("naïve.html")]
    public void Anything_that_could_leave_the_site_or_hide_in_it_is_refused(string requested) =>
        Assert.Null(SitePaths.Normalize(requested));

    [Fact]
    public void Overlong_and_overdeep_paths_are_refused()
    {
        Assert.Null(SitePaths.Normalize(new string('a', SitePaths.MaxLength + 1)));
        Assert.Null(SitePaths.Normalize(string.Join('/', Enumerable.Repeat("a", SitePaths.MaxDepth + 1))));
        Assert.NotNull(SitePaths.Normalize(string.Join('/', Enumerable.Repeat("a", SitePaths.MaxDepth))));
    }
}
