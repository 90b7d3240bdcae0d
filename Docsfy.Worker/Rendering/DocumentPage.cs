namespace Docsfy.Worker.Rendering;

/// <summary>
/// <c>{slug}.html</c>: the site navigation with the current page marked, the rendered Markdown, previous/next in plan
/// order and the on-page table of contents.
/// </summary>
internal static class DocumentPage
{
    private static readonly TrustedHtml CurrentPage = Html.Trusted(" aria-current=\"page\"");

    public static string Write(Site site, int index)
    {
        var page = site.Pages[index];
        var html = new HtmlWriter();
        PageShell.Open(html, site, $"{page.Page.Title} · {site.Plan.ProjectName}", page.Page.Description, page.MarkdownPath,
            withMenu: true);

        html.Append($"<div class=\"layout\">\n");
        Navigation(html, site, page);

        html.Append($"<main id=\"docsfy-content\" class=\"content\">\n<article class=\"doc\">\n");
        html.Append($"<p class=\"eyebrow\">{page.Group}</p>\n");
        // Pages normally open with their own "# Title"; one that doesn't still gets a title.
        if (page.Body.Title is null)
            html.Append($"<h1>{page.Page.Title}</h1>\n");
        // Markdig encodes the text it renders; the body is markup.
        html.Append(Html.Trusted(page.Body.Html));
        html.Append($"</article>\n");
        Pager(html, site, index);
        PageShell.Footer(html, page.MarkdownPath);
        html.Append($"</main>\n");

        TableOfContents(html, page);
        html.Append($"</div>\n");
        PageShell.Close(html);
        return html.ToString();
    }

    private static void Navigation(HtmlWriter html, Site site, SitePage current)
    {
        html.Append($"<nav class=\"site-nav\" id=\"docsfy-nav\" aria-label=\"Pages\">\n");
        foreach (var (name, pages) in site.Groups)
        {
            html.Append($"<h2>{name}</h2>\n<ul>\n");
            foreach (var page in pages)
            {
                var currentMark = ReferenceEquals(page, current) ? CurrentPage : TrustedHtml.Empty;
                html.Append($"<li><a href=\"{page.HtmlPath}\"{currentMark}>{page.Page.Title}</a></li>\n");
            }
            html.Append($"</ul>\n");
        }
        html.Append($"</nav>\n");
    }

    private static void Pager(HtmlWriter html, Site site, int index)
    {
        var previous = index > 0 ? site.Pages[index - 1] : null;
        var next = index + 1 < site.Pages.Count ? site.Pages[index + 1] : null;
        if (previous is null && next is null)
            return;

        html.Append($"<nav class=\"pager\" aria-label=\"Previous and next pages\">\n");
        if (previous is not null)
            PagerLink(html, previous, "prev", "Previous");
        if (next is not null)
            PagerLink(html, next, "next", "Next");
        html.Append($"</nav>\n");
    }

    private static void PagerLink(HtmlWriter html, SitePage page, string rel, string label) =>
        html.Append($"<a class=\"pager-{rel}\" href=\"{page.HtmlPath}\" rel=\"{rel}\"><span class=\"pager-label\">{label}</span><span class=\"pager-title\">{page.Page.Title}</span></a>\n");

    private static void TableOfContents(HtmlWriter html, SitePage page)
    {
        if (page.Body.Headings.Count == 0)
            return;

        html.Append($"<aside class=\"toc\" aria-label=\"On this page\">\n<h2>On this page</h2>\n<ul>\n");
        foreach (var heading in page.Body.Headings)
            html.Append($"<li class=\"toc-level-{heading.Level}\"><a href=\"#{heading.Id}\">{heading.Text}</a></li>\n");
        html.Append($"</ul>\n</aside>\n");
    }
}
