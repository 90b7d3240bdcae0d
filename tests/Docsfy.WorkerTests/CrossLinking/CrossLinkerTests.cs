using Docsfy.Worker.CrossLinking;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;

namespace Docsfy.WorkerTests.CrossLinking;

public sealed class CrossLinkerTests
{
    private static readonly DocumentationPlan Plan = new("Docsfy", "Docs", "app",
    [
        new PlanGroup("Start",
        [
            new PlanPage("intro", "Introduction", "What it is", "guide"),
            new PlanPage("install", "Installation", "Set it up", "guide"),
            new PlanPage("config", "Configuration", "Every *setting*", "reference"),
            new PlanPage("config-reference", "Configuration reference", "All keys", "reference"),
        ]),
        new PlanGroup("More",
        [
            new PlanPage("api", "API", "Endpoints", "reference"),
            new PlanPage("faq", "FAQ", "Questions", "concept"),
            new PlanPage("glossary", "Glossary", "", "concept"),
        ]),
    ]);

    private static readonly CrossLinker Linker = new(Plan);

    private static string Link(string markdown) => Linker.Link("intro", markdown);

    [Theory]
    [InlineData("Read [the setup](missing.md) first.", "Read the setup first.")]
    [InlineData("Read [the setup](missing.html) first.", "Read the setup first.")]
    [InlineData("Read [the setup](missing) first.", "Read the setup first.")]
    [InlineData("Read [the setup](missing.md#step-2) first.", "Read the setup first.")]
    [InlineData("See [Program.cs](src/Program.cs).", "See Program.cs.")]
    [InlineData("See [the API](/api/projects).", "See the API.")]
    [InlineData("A [**bold** label](nope.md) here.", "A **bold** label here.")]
    [InlineData("A [label with `code`](nope.md).", "A label with `code`.")]
    [InlineData("Empty [](nope.md) link.", "Empty  link.")]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("![diagram](docs/arch.txt)", "diagram")]
    [InlineData("![pixel](data:image/png;base64,AAAA)", "pixel")]
    public void Links_that_lead_nowhere_become_plain_text(string markdown, string expected) =>
        Assert.Equal(expected, Link(markdown));

    [Fact]
    public void A_dead_reference_link_and_its_definition_are_removed()
    {
        Assert.Equal("Read setup and [docs][d].\n\n[d]: https://example.com\n",
            Link("Read [setup][s] and [docs][d].\n\n[s]: missing.md\n[d]: https://example.com\n"));
    }

    [Fact]
    public void A_dead_link_around_a_dead_image_leaves_the_alt_text()
    {
        Assert.Equal("Logo: logo here", Link("Logo: [![logo](img/logo.txt)](missing.md) here"));
    }

    [Fact]
    public void A_repository_image_is_left_for_rendering_to_copy_even_inside_a_dead_link()
    {
        // Whether the file exists and fits is rendering's to decide: it copies the image or shows the alt text.
        Assert.Equal("Logo: ![logo](img/logo.png) here", Link("Logo: [![logo](img/logo.png)](missing.md) here"));
    }

    [Theory]
    [InlineData("[Install](install.md)")]
    [InlineData("[Install](install.html)")]
    [InlineData("[Install](install)")]
    [InlineData("[Install](./install.md#linux)")]
    [InlineData("[Above](#why)")]
    [InlineData("[Site](https://example.com/x.md)")]
    [InlineData("[Mail](mailto:team@example.com)")]
    [InlineData("<https://example.com>")]
    [InlineData("Visit https://example.com/missing.md today")]
    [InlineData("![Badge](https://img.shields.io/badge/x-y-green)")]
    [InlineData("![diagram](docs/arch.png)")]
    [InlineData("![diagram](/docs/arch.SVG?raw=true)")]
    public void Live_links_are_kept(string markdown) => Assert.Equal(markdown, Link(markdown));

    [Fact]
    public void Code_is_never_touched()
    {
        var markdown = "```markdown\n[x](missing.md)\nSee Installation\n```\n\nInline `[x](missing.md)` and `See Installation`.\n\n    See Installation in indented code\n";

        Assert.Equal(markdown, Link(markdown));
    }

    [Theory]
    [InlineData("See Installation for details.", "See [Installation](install.md) for details.")]
    [InlineData("see installation.", "see [installation](install.md).")]
    [InlineData("SEE   CONFIGURATION", "SEE   [CONFIGURATION](config.md)")]
    [InlineData("See Configuration reference.", "See [Configuration reference](config-reference.md).")]
    [InlineData("First see API, then see FAQ.", "First see [API](api.md), then see [FAQ](faq.md).")]
    [InlineData("- *See Glossary* below", "- *See [Glossary](glossary.md)* below")]
    [InlineData("| a |\n|---|\n| See FAQ |", "| a |\n|---|\n| See [FAQ](faq.md) |")]
    [InlineData("See FAQ[, gone](missing.md).", "See [FAQ](faq.md), gone.")]
    public void See_mentions_link_to_the_page_with_that_title(string markdown, string expected) =>
        Assert.Equal(expected, Link(markdown));

    [Theory]
    [InlineData("See Installations for more.")]       // not the whole title
    [InlineData("Oversee Installation.")]             // not the word "see"
    [InlineData("See Introduction.")]                 // the page itself
    [InlineData("See [Installation](install.md).")]   // already a link
    [InlineData("[See Installation](https://example.com)")]
    [InlineData("## See Installation")]               // headings stay plain
    [InlineData("Installation is easy.")]             // no "See"
    public void Other_mentions_are_left_alone(string markdown) => Assert.Equal(markdown, Link(markdown));

    [Fact]
    public void Linking_twice_changes_nothing_more()
    {
        var once = Link("See Installation. [x](missing.md)\n");

        Assert.Equal("See [Installation](install.md). x\n", once);
        Assert.Equal(once, Link(once));
    }

    [Fact]
    public void Windows_line_endings_are_handled()
    {
        Assert.Equal("# T\r\n\r\nSee [FAQ](faq.md) and x.\r\n", Link("# T\r\n\r\nSee FAQ and [x](missing.md).\r\n"));
    }

    [Fact]
    public void A_dead_link_in_a_table_cell_becomes_text()
    {
        Assert.Equal("| a | b |\n|---|---|\n| see | x |\n", Link("| a | b |\n|---|---|\n| see | [x](missing.md) |\n"));
    }

    [Fact]
    public void A_title_with_markdown_punctuation_is_still_found()
    {
        var plan = new DocumentationPlan("P", "T", "app",
            [new PlanGroup("G", [new PlanPage("a", "A", "", "guide"), new PlanPage("snake", "The snake_case rule!", "", "guide")])]);

        Assert.Equal("Please see [the snake_case rule!](snake.md) first.", new CrossLinker(plan).Link("a", "Please see the snake_case rule! first."));
    }

    [Fact]
    public void Cross_linked_pages_render_with_links_to_html_pages()
    {
        var linked = Linker.AppendRelatedPages("intro", Link("See FAQ. [Gone](gone.md)"), ["api"]);

        var html = new MarkdownRenderer(Plan.Pages.Select(page => page.Slug).ToHashSet()).Render(linked).Html;

        Assert.Contains("See <a href=\"faq.html\">FAQ</a>. Gone", html);
        Assert.Contains("<a href=\"api.html\">API</a> — Endpoints", html);
    }

    [Fact]
    public void Duplicate_titles_are_not_linked_because_the_mention_is_ambiguous()
    {
        var plan = new DocumentationPlan("P", "T", "app",
            [new PlanGroup("G", [new PlanPage("a", "Setup", "", "guide"), new PlanPage("b", "setup", "", "guide"), new PlanPage("c", "C", "", "guide")])]);

        Assert.Equal("See Setup.", new CrossLinker(plan).Link("c", "See Setup."));
    }

    [Fact]
    public void Related_pages_are_appended_validated_and_capped_at_five()
    {
        var markdown = Linker.AppendRelatedPages("intro", "# Introduction\n\nText.\n",
            ["install", "missing", "intro", "install.md", "config", "API", "api.html", "faq", "glossary", "config-reference"]);

        Assert.Equal(
            """
            # Introduction

            Text.

            ## Related pages

            - [Installation](install.md) — Set it up
            - [Configuration](config.md) — Every \*setting\*
            - [API](api.md) — Endpoints
            - [FAQ](faq.md) — Questions
            - [Glossary](glossary.md)

            """,
            markdown);
    }

    [Fact]
    public void Appending_related_pages_again_replaces_the_earlier_list()
    {
        var once = Linker.AppendRelatedPages("intro", "# Introduction\n\nText.\n", ["install"]);

        var twice = Linker.AppendRelatedPages("intro", once, ["faq"]);

        Assert.Equal("# Introduction\n\nText.\n\n## Related pages\n\n- [FAQ](faq.md) — Questions\n", twice);
    }

    [Fact]
    public void A_related_pages_section_that_is_not_last_is_kept()
    {
        var markdown = "# T\n\n## Related pages\n\nHand written.\n\n## Next\n\nMore.\n";

        Assert.StartsWith(markdown, Linker.AppendRelatedPages("intro", markdown, ["faq"]));
    }

    [Fact]
    public void No_valid_related_pages_means_no_section()
    {
        Assert.Equal("# T\n\nText.\n", Linker.AppendRelatedPages("intro", "# T\n\nText.\n", ["intro", "missing", ""]));
    }

    [Fact]
    public void Titles_are_escaped_in_related_links()
    {
        var plan = new DocumentationPlan("P", "T", "app",
            [new PlanGroup("G", [new PlanPage("a", "A", "", "guide"), new PlanPage("b", "Arrays [and] <b>", "x\ny", "guide")])]);

        Assert.EndsWith("- [Arrays \\[and\\] \\<b\\>](b.md) — x y\n", new CrossLinker(plan).AppendRelatedPages("a", "Text", ["b"]));
    }

    [Fact]
    public void The_related_pages_a_page_was_given_read_back_in_order()
    {
        var page = Linker.AppendRelatedPages("intro", "# Introduction\n\nSee [the API](api.md).\n", ["faq", "install", "glossary"]);

        var related = CrossLinker.RelatedPagesOf(page);

        Assert.Equal(["faq.md", "install.md", "glossary.md"], related);
        Assert.Equal(page, Linker.AppendRelatedPages("intro", CrossLinker.WithoutRelatedPages(page), related));
    }

    [Fact]
    public void Without_related_pages_the_page_ends_where_the_section_began()
    {
        var page = Linker.AppendRelatedPages("intro", "# Introduction\n\nText.\n", ["faq"]);

        Assert.Equal("# Introduction\n\nText.\n\n", CrossLinker.WithoutRelatedPages(page));
    }

    [Fact]
    public void A_page_without_the_section_has_no_related_pages_and_stays_as_it_is()
    {
        const string page = "# Introduction\n\nSee [Installation](install.md) and [the FAQ](faq.md).\n\n## Usage\n\nRun it.\n";

        Assert.Empty(CrossLinker.RelatedPagesOf(page));
        Assert.Equal(page, CrossLinker.WithoutRelatedPages(page));
    }

    [Fact]
    public void A_related_pages_section_that_is_not_last_is_the_page_s_own_text()
    {
        const string page = "# T\n\n## Related pages\n\n- [FAQ](faq.md)\n\n## Next\n\nMore.\n";

        Assert.Empty(CrossLinker.RelatedPagesOf(page));
        Assert.Equal(page, CrossLinker.WithoutRelatedPages(page));
    }

    [Fact]
    public void The_section_heading_is_found_whatever_its_case()
    {
        const string body = "# T\n\nText.\n\n";
        const string page = body + "## RELATED pages\n\n- [FAQ](faq.md)\n- [API](api.md)\n";

        Assert.Equal(["faq.md", "api.md"], CrossLinker.RelatedPagesOf(page));
        Assert.Equal(body, CrossLinker.WithoutRelatedPages(page));
    }
}
