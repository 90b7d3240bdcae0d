using Docsfy.Worker.Rendering;

namespace Docsfy.WorkerTests.Rendering;

public sealed class HtmlWriterTests
{
    private static string Write(string text)
    {
        var html = new HtmlWriter();
        html.Append($"<a title=\"{text}\">{text}</a>");
        return html.ToString();
    }

    [Theory]
    [InlineData("plain words", "<a title=\"plain words\">plain words</a>")]
    [InlineData("\" onclick=\"x()", "<a title=\"&quot; onclick=&quot;x()\">&quot; onclick=&quot;x()</a>")]
    [InlineData("' onclick='x()", "<a title=\"&#x27; onclick=&#x27;x()\">&#x27; onclick=&#x27;x()</a>")]
    [InlineData("</a><script>", "<a title=\"&lt;/a&gt;&lt;script&gt;\">&lt;/a&gt;&lt;script&gt;</a>")]
    [InlineData("&amp;", "<a title=\"&amp;amp;\">&amp;amp;</a>")]
    [InlineData("", "<a title=\"\"></a>")]
    public void String_holes_are_encoded_in_text_and_attributes(string text, string expected) =>
        Assert.Equal(expected, Write(text));

    [Fact]
    public void Null_writes_nothing()
    {
        var html = new HtmlWriter();
        string? missing = null;
        html.Append($"<p>{missing}</p>");
        Assert.Equal("<p></p>", html.ToString());
    }

    [Fact]
    public void Only_trusted_markup_and_numbers_go_in_as_they_are()
    {
        var html = new HtmlWriter();
        html.Append($"<li class=\"level-{-3}\">{Html.Trusted("<b>bold</b>")}{"<b>text</b>"}</li>");
        html.Append(Html.Trusted("<hr>"));
        Assert.Equal("<li class=\"level--3\"><b>bold</b>&lt;b&gt;text&lt;/b&gt;</li><hr>", html.ToString());
    }
}
