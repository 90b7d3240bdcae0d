using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Rendering;

/// <summary>One page of the site as rendering sees it: its place in the plan, its Markdown and its rendered body.</summary>
internal sealed record SitePage(PlanPage Page, string Group, string Markdown, RenderedMarkdown Body)
{
    public string Slug => Page.Slug;
    public string HtmlPath => PageLink.Html(Page.Slug);
    public string MarkdownPath => PageLink.Markdown(Page.Slug);
}
