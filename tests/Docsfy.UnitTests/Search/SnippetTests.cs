using Docsfy.Api.Search;

namespace Docsfy.UnitTests.Search;

public sealed class SnippetTests
{
    private const char Start = Snippet.StartMark;
    private const char Stop = Snippet.StopMark;

    [Fact]
    public void Hits_are_marked_and_everything_else_is_encoded()
    {
        var html = Snippet.ToHtml($"use <script>alert(1)</script> & {Start}HubConnection{Stop} \"now\"");
        Assert.Equal("use &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>HubConnection</mark> &quot;now&quot;", html);
    }

    [Fact]
    public void Marks_stay_balanced_whatever_the_headline()
    {
        Assert.Equal("<mark>open</mark>", Snippet.ToHtml($"{Start}open"));
        Assert.Equal("stray", Snippet.ToHtml($"stray{Stop}"));
        Assert.Equal("<mark>a</mark>", Snippet.ToHtml($"{Start}{Start}a{Stop}{Stop}"));
    }

    [Fact]
    public void A_long_headline_is_cut()
    {
        var html = Snippet.ToHtml(new string('x', 5 * Snippet.MaxLength));
        Assert.Equal(Snippet.MaxLength + 1, html.Length);
        Assert.EndsWith("…", html);
    }

    [Fact]
    public void Page_text_cannot_forge_a_mark() =>
        Assert.Equal("a b c", Snippet.ToHtml(Snippet.StripMarks($"a{Start}b{Stop}c")));
}
