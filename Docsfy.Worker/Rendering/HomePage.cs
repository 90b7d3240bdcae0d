namespace Docsfy.Worker.Rendering;

/// <summary><c>index.html</c>: the project's name and tagline, then every group as cards of pages with descriptions.</summary>
internal static class HomePage
{
    public static string Write(Site site)
    {
        var plan = site.Plan;
        var html = new HtmlWriter();
        PageShell.Open(html, site, plan.ProjectName, plan.Tagline);

        html.Append($"<main id=\"docsfy-content\" class=\"home\">\n<section class=\"hero\">\n");
        html.Append($"<h1>{plan.ProjectName}</h1>\n");
        if (!string.IsNullOrWhiteSpace(plan.Tagline))
            html.Append($"<p class=\"tagline\">{plan.Tagline}</p>\n");
        if (site.Pages.Count > 0)
            html.Append($"<p><a class=\"button\" href=\"{site.Pages[0].HtmlPath}\">Get started →</a></p>\n");
        html.Append($"</section>\n");

        foreach (var (name, pages) in site.Groups)
        {
            html.Append($"<section class=\"group\">\n<h2>{name}</h2>\n<ul class=\"cards\">\n");
            foreach (var page in pages)
            {
                html.Append($"<li><a href=\"{page.HtmlPath}\"><span class=\"card-title\">{page.Page.Title}</span>");
                if (!string.IsNullOrWhiteSpace(page.Page.Description))
                    html.Append($"<span class=\"card-description\">{page.Page.Description}</span>");
                html.Append($"</a></li>\n");
            }
            html.Append($"</ul>\n</section>\n");
        }

        PageShell.Footer(html);
        html.Append($"</main>\n");
        PageShell.Close(html);
        return html.ToString();
    }
}
