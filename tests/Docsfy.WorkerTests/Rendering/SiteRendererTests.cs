using System.Text;
using System.Text.Json;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;

namespace Docsfy.WorkerTests.Rendering;

public sealed class SiteRendererTests
{
    private static readonly SiteRenderer Renderer = new();

    private static IReadOnlyList<SiteFile> RenderSample() => Renderer.Render(SampleSite.Plan, SampleSite.Markdown);

    private static string Text(IReadOnlyList<SiteFile> files, string path) =>
        Encoding.UTF8.GetString(Assert.Single(files, file => file.Path == path).Content);

    [Fact]
    public void Every_site_file_is_present_with_its_content_type()
    {
        var files = RenderSample();

        Assert.Equal(
            [
                ("index.html", "text/html; charset=utf-8"),
                ("intro.html", "text/html; charset=utf-8"),
                ("intro.md", "text/markdown; charset=utf-8"),
                ("install.html", "text/html; charset=utf-8"),
                ("install.md", "text/markdown; charset=utf-8"),
                ("config.html", "text/html; charset=utf-8"),
                ("config.md", "text/markdown; charset=utf-8"),
                ("search-index.json", "application/json"),
                ("llms.txt", "text/plain; charset=utf-8"),
                ("llms-full.txt", "text/plain; charset=utf-8"),
                ("assets/style.css", "text/css"),
                ("assets/search.js", "text/javascript"),
                ("assets/theme.js", "text/javascript"),
                ("assets/menu.js", "text/javascript"),
            ],
            files.Select(file => (file.Path, file.ContentType)));
        Assert.All(files, file => Assert.NotEmpty(file.Content));
    }

    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        var first = RenderSample();
        var second = Renderer.Render(SampleSite.Plan, new Dictionary<string, string>(SampleSite.Markdown.Reverse()));

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(file => file.Path), second.Select(file => file.Path));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public void The_markdown_source_is_served_as_written()
    {
        Assert.Equal(SampleSite.Markdown["install"], Text(RenderSample(), "install.md"));
    }

    [Fact]
    public void The_home_page_shows_the_tagline_and_every_group_with_page_links_and_descriptions()
    {
        var html = Text(RenderSample(), "index.html");

        Assert.Contains("<h1>Docsfy</h1>", html);
        Assert.Contains("<p class=\"tagline\">Docs from git repositories</p>", html);
        Assert.Contains("<h2>Getting started</h2>", html);
        Assert.Contains("<h2>Reference</h2>", html);
        Assert.Contains("<a href=\"config.html\"><span class=\"card-title\">Configuration</span><span class=\"card-description\">Every setting</span></a>", html);
    }

    [Fact]
    public void A_page_marks_itself_in_the_navigation_and_links_previous_and_next_in_plan_order()
    {
        var html = Text(RenderSample(), "install.html");

        Assert.Contains("<a href=\"install.html\" aria-current=\"page\">Installation</a>", html);
        Assert.Contains("<a href=\"intro.html\">Introduction</a>", html);
        Assert.Single(AllMatches(html, "aria-current"));
        Assert.Contains("<a class=\"pager-prev\" href=\"intro.html\" rel=\"prev\"><span class=\"pager-label\">Previous</span><span class=\"pager-title\">Introduction</span></a>", html);
        Assert.Contains("<a class=\"pager-next\" href=\"config.html\" rel=\"next\"><span class=\"pager-label\">Next</span><span class=\"pager-title\">Configuration</span></a>", html);
    }

    [Fact]
    public void The_first_page_has_no_previous_and_the_last_no_next()
    {
        var files = RenderSample();

        Assert.DoesNotContain("rel=\"prev\"", Text(files, "intro.html"));
        Assert.Contains("rel=\"next\"", Text(files, "intro.html"));
        Assert.Contains("rel=\"prev\"", Text(files, "config.html"));
        Assert.DoesNotContain("rel=\"next\"", Text(files, "config.html"));
    }

    [Fact]
    public void The_on_page_table_of_contents_lists_level_2_and_3_headings()
    {
        var html = Text(RenderSample(), "intro.html");

        Assert.Contains("<li class=\"toc-level-2\"><a href=\"#why\">Why</a></li>\n<li class=\"toc-level-3\"><a href=\"#details\">Details</a></li>", html);
        Assert.Contains("<h2 id=\"why\">Why</h2>", html);
    }

    [Fact]
    public void A_page_without_its_own_title_heading_gets_one_and_links_to_pages_point_at_html()
    {
        var files = RenderSample();

        Assert.Contains("<h1>Configuration</h1>", Text(files, "config.html"));
        Assert.Single(AllMatches(Text(files, "intro.html"), "<h1"));
        Assert.Contains("<a href=\"install.html\">Installation</a>", Text(files, "intro.html"));
    }

    [Fact]
    public void A_page_missing_from_the_markdown_gets_a_visible_notice()
    {
        var markdown = new Dictionary<string, string>(SampleSite.Markdown);
        markdown.Remove("install");

        var files = Renderer.Render(SampleSite.Plan, markdown);

        Assert.Contains("could not be generated", Text(files, "install.html"));
    }

    [Fact]
    public void Pages_use_only_relative_links_and_external_assets()
    {
        foreach (var file in RenderSample().Where(file => file.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = Encoding.UTF8.GetString(file.Content);

            Assert.DoesNotContain("href=\"/", html);
            Assert.DoesNotContain("src=\"/", html);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain("style=", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html); // no event handler attributes
            Assert.Equal(3, AllMatches(html, "<script").Count);
            Assert.Contains("<script src=\"assets/theme.js\"></script>", html);
            Assert.Contains("<script src=\"assets/search.js\" defer></script>", html);
            Assert.Contains("<script src=\"assets/menu.js\" defer></script>", html);
            Assert.Contains("<link rel=\"stylesheet\" href=\"assets/style.css\">", html);
        }
    }

    [Fact]
    public void Plan_strings_from_the_ai_are_escaped_everywhere()
    {
        var hostile = "<script>alert(\"x\")</script>";
        var plan = new DocumentationPlan($"Evil {hostile}", $"Tag \"line\" {hostile}", "app",
        [
            new PlanGroup($"Group {hostile}",
            [
                new PlanPage("one", $"One \" onmouseover=\"alert(1) {hostile}", $"Desc \"'{hostile}", "guide"),
                new PlanPage("two", "Two", "Second", "guide"),
            ]),
        ]);

        var files = Renderer.Render(plan, new Dictionary<string, string> { ["one"] = "Body", ["two"] = "# Two\n\n## A <script> heading\n" });

        foreach (var path in new[] { "index.html", "one.html", "two.html" })
        {
            var html = Text(files, path);
            Assert.Equal(3, AllMatches(html, "<script").Count); // only our two script tags
            Assert.DoesNotContain("\" onmouseover=\"", html);
            Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html);
        }
        Assert.Contains("<title>One &quot; onmouseover=&quot;alert(1) &lt;script&gt;", Text(files, "one.html"));
        Assert.Contains("<meta name=\"description\" content=\"Desc &quot;&#x27;&lt;script&gt;", Text(files, "one.html"));
        Assert.Contains("<a href=\"#a-script-heading\">A &lt;script&gt; heading</a>", Text(files, "two.html"));
    }

    [Fact]
    public void Hostile_text_cannot_break_out_of_an_element_or_an_attribute()
    {
        const string breakout = "x\" onfocus=\"alert(1)\" autofocus=\"' onmouseover='alert(2)' </title></a><script>alert(3)</script><!--";
        var plan = new DocumentationPlan(breakout, breakout, "app",
        [
            new PlanGroup(breakout,
            [
                new PlanPage("first", breakout, breakout, "guide"),
                new PlanPage("second", breakout, breakout, "guide"),
            ]),
        ]);
        var files = Renderer.Render(plan, new Dictionary<string, string>
        {
            ["first"] = "No title of its own, so the plan's title is the heading.\n",
            ["second"] = $"# Second\n\n## {breakout}\n",
        });

        foreach (var path in new[] { "index.html", "first.html", "second.html" })
        {
            var html = Text(files, path);
            Assert.Equal(3, AllMatches(html, "<script").Count); // the site's own three
            // No tag gained an attribute: inside a tag, the text's quotes are all encoded. (Markdig leaves ' as is
            // in text between tags, where it means nothing.)
            Assert.DoesNotMatch(@"<[a-z][^<>]*\s(onfocus|onmouseover|autofocus)=[""']", html);
            Assert.DoesNotContain("</title></a>", html);
            Assert.DoesNotContain("<!--", html);
            Assert.Single(AllMatches(html, "</title>"));
        }
        Assert.Contains("<h1>x&quot; onfocus=&quot;alert(1)&quot; autofocus=&quot;&#x27; onmouseover=&#x27;alert(2)&#x27; &lt;/title&gt;", Text(files, "first.html"));
    }

    [Fact]
    public void Readable_text_in_any_language_is_written_as_is()
    {
        var plan = new DocumentationPlan("Café — 日本語", "Ünïcödé tagline", "app",
            [new PlanGroup("Grundlagen", [new PlanPage("start", "Première page", "Описание", "guide")])]);
        var files = Renderer.Render(plan, new Dictionary<string, string> { ["start"] = "Body\n" });

        var home = Text(files, "index.html");
        Assert.Contains("<h1>Café — 日本語</h1>", home);
        Assert.Contains("<span class=\"card-description\">Описание</span>", home);
        Assert.Contains("<title>Première page · Café — 日本語</title>", Text(files, "start.html"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("Upper")]
    [InlineData("index")]
    [InlineData("")]
    public void A_slug_that_cannot_be_a_file_name_is_refused(string slug)
    {
        var plan = new DocumentationPlan("P", "T", "app", [new PlanGroup("G", [new PlanPage(slug, "Title", "D", "guide")])]);

        Assert.Throws<ArgumentException>(() => Renderer.Render(plan, new Dictionary<string, string>()));
    }

    [Fact]
    public void A_duplicate_slug_is_refused()
    {
        var page = new PlanPage("same", "Title", "D", "guide");
        var plan = new DocumentationPlan("P", "T", "app", [new PlanGroup("G", [page]), new PlanGroup("H", [page])]);

        Assert.Throws<ArgumentException>(() => Renderer.Render(plan, new Dictionary<string, string>()));
    }

    [Fact]
    public void The_search_index_is_valid_json_with_every_page_its_headings_and_text()
    {
        var json = Assert.Single(RenderSample(), file => file.Path == "search-index.json").Content;

        using var document = JsonDocument.Parse(json);
        var pages = document.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(["intro", "install", "config"], pages.Select(page => page.GetProperty("slug").GetString()));

        var intro = pages[0];
        Assert.Equal("intro.html", intro.GetProperty("url").GetString());
        Assert.Equal("Introduction", intro.GetProperty("title").GetString());
        Assert.Equal("What Docsfy is and who it is for", intro.GetProperty("description").GetString());
        Assert.Equal("Getting started", intro.GetProperty("group").GetString());
        Assert.Equal(["why", "details"], intro.GetProperty("headings").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.StartsWith("Introduction Docsfy turns repositories into sites.", intro.GetProperty("excerpt").GetString());
        Assert.Contains("Because.", intro.GetProperty("text").GetString());
        Assert.DoesNotContain("](", intro.GetProperty("text").GetString());
    }

    [Fact]
    public void The_search_index_escapes_html_sensitive_characters()
    {
        var plan = new DocumentationPlan("P", "T", "app", [new PlanGroup("G", [new PlanPage("a", "</script><b>", "é & ü", "guide")])]);

        var json = Encoding.UTF8.GetString(Assert.Single(Renderer.Render(plan, new Dictionary<string, string>()), f => f.Path == "search-index.json").Content);

        Assert.DoesNotContain("<", json);
        Assert.Contains("é", json);
        Assert.Equal("</script><b>", JsonDocument.Parse(json).RootElement.GetProperty("pages")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Llms_txt_follows_the_llmstxt_format()
    {
        Assert.Equal(
            """
            # Docsfy

            > Docs from git repositories

            ## Getting started

            - [Introduction](intro.md): What Docsfy is and who it is for
            - [Installation](install.md): Install and run it locally

            ## Reference

            - [Configuration](config.md): Every setting

            ## Optional

            - [Full documentation](llms-full.txt): every page above in one file

            """,
            Text(RenderSample(), "llms.txt"));
    }

    [Fact]
    public void Llms_txt_keeps_each_entry_on_one_line_and_brackets_escaped()
    {
        var plan = new DocumentationPlan("Multi\nline", "Tag\nline", "app",
            [new PlanGroup("G", [new PlanPage("a", "Arrays [advanced]", "First line\nsecond line", "guide")])]);

        var text = Text(Renderer.Render(plan, new Dictionary<string, string>()), "llms.txt");

        Assert.StartsWith("# Multi line\n\n> Tag line\n\n## G\n\n- [Arrays \\[advanced\\]](a.md): First line second line\n", text);
    }

    [Fact]
    public void Llms_full_txt_holds_every_page_in_plan_order_with_a_source_header()
    {
        var text = Text(RenderSample(), "llms-full.txt");

        Assert.StartsWith("# Docsfy\n\n> Docs from git repositories\n\n---\n\nSource: intro.md\n\n# Introduction\n\nDocsfy turns", text);
        Assert.Contains("---\n\nSource: config.md\n\n# Configuration\n\nSettings live in", text);
        Assert.True(text.IndexOf("Source: intro.md", StringComparison.Ordinal) < text.IndexOf("Source: install.md", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Source: install.md", StringComparison.Ordinal) < text.IndexOf("Source: config.md", StringComparison.Ordinal));
        Assert.EndsWith("| `Port` | 8080 |\n", text);
    }

    [Fact]
    public void The_stylesheet_has_light_and_dark_themes_and_the_scripts_use_no_network_but_the_site()
    {
        var files = RenderSample();
        var css = Text(files, "assets/style.css");
        var theme = Text(files, "assets/theme.js");
        var search = Text(files, "assets/search.js");
        var menu = Text(files, "assets/menu.js");

        Assert.Contains("prefers-color-scheme", theme);
        Assert.Contains("localStorage", theme);
        Assert.Contains(":root[data-theme=\"dark\"]", css);
        Assert.Contains(":root[data-theme=\"light\"]", css);
        Assert.Contains("fetch('search-index.json')", search);
        Assert.DoesNotMatch(@"\.innerHTML\s*=|insertAdjacentHTML|document\.write", search);
        Assert.DoesNotContain("http", search + theme + css + menu);
        Assert.DoesNotMatch(@"\.innerHTML\s*=|insertAdjacentHTML|document\.write", menu);
    }

    [Fact]
    public void Document_pages_have_a_menu_button_for_their_page_list_and_the_home_page_has_none()
    {
        var files = RenderSample();
        var page = Text(files, "install.html");
        Assert.Contains("<button type=\"button\" class=\"menu-toggle\" data-menu-toggle aria-controls=\"docsfy-nav\" aria-expanded=\"false\" hidden>Menu</button>", page);
        Assert.Contains("<nav class=\"site-nav\" id=\"docsfy-nav\" aria-label=\"Pages\">", page);
        Assert.DoesNotContain("data-menu-toggle", Text(files, "index.html"));
    }

    private static List<int> AllMatches(string text, string value)
    {
        var positions = new List<int>();
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            positions.Add(at);
        return positions;
    }
}
