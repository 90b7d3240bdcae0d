using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;

namespace Docsfy.Worker.CrossLinking;

/// <summary>What a link in a page may point at: another page of the plan, an anchor, or somewhere outside the site.</summary>
internal sealed class SiteLinks(DocumentationPlan plan)
{
    private readonly Dictionary<string, PlanPage> _pages = plan.Pages
        .GroupBy(page => page.Slug, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    public IEnumerable<PlanPage> Pages => _pages.Values;

    public bool TryGetPage(string? reference, out PlanPage page)
    {
        page = null!;
        return PageLink.TryParse(reference?.Trim(), out var slug, out _) && _pages.TryGetValue(slug, out page!);
    }

    /// <summary>
    /// A link survives when it is safe and leads somewhere: a known page, an anchor on this page, or an external
    /// http(s)/mailto address. Anything else relative (<c>missing.md</c>, <c>src/Program.cs</c>, <c>/api</c>)
    /// would be a dead link in the generated site, which holds nothing but its pages.
    /// </summary>
    public bool IsLive(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !SafeUrl.IsAllowed(url))
            return false;
        return url.StartsWith('#') || PageLink.IsExternal(url) || TryGetPage(url, out _);
    }
}
