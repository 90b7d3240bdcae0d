using Docsfy.Worker.Rendering;

namespace Docsfy.WorkerTests.Rendering;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new(new HashSet<string> { "intro", "setup" });

    private static string Html(string markdown) => Renderer.Render(markdown).Html;

    [Fact]
    public void A_script_tag_comes_out_as_escaped_text()
    {
        var html = Html("Hello <script>alert(1)</script> world");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void A_raw_html_block_is_text_not_markup()
    {
        var html = Html("<div onclick=\"steal()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>\n\n<script>\nalert(1)\n</script>");

        Assert.DoesNotContain("<div", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;iframe", html);
    }

    [Fact]
    public void Inline_html_is_text_not_markup()
    {
        var html = Html("Click <img src=x onerror=alert(1)> or <a href=\"javascript:alert(1)\">here</a>.");

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<a ", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](<java\tscript:alert(1)>)")]
    [InlineData("[click](<java&#10;script:alert(1)>)")]
    [InlineData("[click](<\u0001javascript:alert(1)>)")]
    [InlineData("[click](<java\u200Bscript:alert(1)>)")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](&#x6A;avascript&#x3A;alert(1))")]
    [InlineData("[click](&amp;#106;avascript:alert(1))")]
    [InlineData("[click](jav&#x09;ascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](file:///etc/passwd)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[click]\n\n[click]: JAVASCRIPT:alert(1)")]
    public void An_unsafe_link_becomes_its_plain_text(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<a", html);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("click", html);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    public void An_unsafe_autolink_is_plain_text(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<a", html);
        Assert.DoesNotContain("href", html);
    }

    [Fact]
    public void A_data_image_becomes_its_alt_text()
    {
        var html = Html("![a *diagram*](data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+)");

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("data:", html);
        Assert.Contains("a diagram", html);
    }

    [Fact]
    public void An_unsafe_link_around_an_image_keeps_the_safe_image()
    {
        var html = Html("[![logo](https://example.com/logo.png)](javascript:alert(1))");

        Assert.DoesNotContain("<a", html);
        Assert.Contains("<img src=\"https://example.com/logo.png\" alt=\"logo\" />", html);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=1&c=2)", "href=\"https://example.com/a?b=1&amp;c=2\"")]
    [InlineData("[site](HTTP://EXAMPLE.COM)", "href=\"HTTP://EXAMPLE.COM\"")]
    [InlineData("[mail](mailto:team@example.com)", "href=\"mailto:team@example.com\"")]
    [InlineData("[below](#configuration)", "href=\"#configuration\"")]
    [InlineData("[file](docs/a:b.md)", "href=\"docs/a:b.md\"")]
    [InlineData("<https://example.com>", "href=\"https://example.com\"")]
    [InlineData("Visit https://example.com today", "href=\"https://example.com\"")]
    [InlineData("<team@example.com>", "href=\"mailto:team@example.com\"")]
    public void Safe_links_are_kept(string markdown, string expected) => Assert.Contains(expected, Html(markdown));

    [Theory]
    [InlineData("[Intro](intro.md)", "href=\"intro.html\"")]
    [InlineData("[Intro](intro)", "href=\"intro.html\"")]
    [InlineData("[Intro](./intro.html)", "href=\"intro.html\"")]
    [InlineData("[Setup](setup.md#linux)", "href=\"setup.html#linux\"")]
    [InlineData("[Other](other.md)", "href=\"other.md\"")]
    public void Links_to_pages_point_at_their_html_files(string markdown, string expected) =>
        Assert.Contains(expected, Html(markdown));

    [Theory]
    [InlineData("[x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("[x](https://example.com 'a\" onmouseover=\"alert(1)')")]
    [InlineData("[x](<https://example.com/\" onmouseover=\"alert(1)>)")]
    [InlineData("![a\" onerror=\"alert(1)](https://example.com/x.png)")]
    [InlineData("```\" onmouseover=\"alert(1)\ncode\n```")]
    public void Attributes_cannot_be_injected(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("\" onmouseover=", html);
        Assert.DoesNotContain("\" onerror=", html);
        Assert.DoesNotContain(" onmouseover=\"", html);
        Assert.DoesNotContain(" onerror=\"", html);
    }

    [Fact]
    public void Headings_get_ids_and_level_2_and_3_make_the_table_of_contents()
    {
        var rendered = Renderer.Render("# Guide\n\n## Install `docsfy`\n\ntext\n\n### On Linux\n\n#### Deep\n\n## Install docsfy\n");

        Assert.Equal("Guide", rendered.Title);
        Assert.Equal(
            [new TocHeading(2, "install-docsfy", "Install docsfy"), new TocHeading(3, "on-linux", "On Linux"), new TocHeading(2, "install-docsfy-1", "Install docsfy")],
            rendered.Headings);
        Assert.Contains("<h2 id=\"install-docsfy\">Install <code>docsfy</code></h2>", rendered.Html);
    }

    [Fact]
    public void Tables_task_lists_and_fenced_code_render()
    {
        var html = Html("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n```csharp\nvar x = \"<b>\";\n```\n");

        Assert.Contains("<table>", html);
        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("<pre><code class=\"language-csharp\">var x = &quot;&lt;b&gt;&quot;;", html);
    }

    [Fact]
    public void Plain_text_keeps_words_and_code_without_markup()
    {
        var rendered = Renderer.Render("# Title\n\nSome **bold** and `code`.\n\n```\nrun it\n```\n");

        Assert.Equal("Title Some bold and code. run it", rendered.PlainText);
    }
}
