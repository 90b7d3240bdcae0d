using System.Text.RegularExpressions;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Rendering;

/// <summary>The plan with every page's Markdown rendered, in plan order (which is also previous/next order).</summary>
internal sealed partial record Site(DocumentationPlan Plan, IReadOnlyList<SitePage> Pages)
{
    // A page the pipeline did not hand over still gets a visible page rather than a broken link in the navigation.
    private const string MissingPageMarkdown = "> [!WARNING]\n> This page could not be generated.\n";

    /// <param name="images">The repository's images, copied as pages reference them; null leaves image URLs as written.</param>
    public static Site Build(DocumentationPlan plan, IReadOnlyDictionary<string, string> markdownBySlug, SiteImages? images = null)
    {
        Validate(plan);
        var renderer = new MarkdownRenderer(plan.Pages.Select(page => page.Slug).ToHashSet(StringComparer.Ordinal));

        var pages = plan.Navigation
            .SelectMany(group => group.Pages.Select(page => (page, group.Group)))
            .Select(entry =>
            {
                var markdown = markdownBySlug.GetValueOrDefault(entry.page.Slug) ?? MissingPageMarkdown;
                var slug = entry.page.Slug;
                return new SitePage(entry.page, entry.Group, markdown,
                    renderer.Render(markdown, images is null ? null : url => images.Resolve(slug, url)));
            })
            .ToList();

        return new Site(plan, pages);
    }

    /// <summary>The navigation groups in plan order, each with its pages; groups without pages are left out.</summary>
    public IEnumerable<(string Name, IReadOnlyList<SitePage> Pages)> Groups
    {
        get
        {
            var offset = 0;
            foreach (var group in Plan.Navigation)
            {
                var pages = Pages.Skip(offset).Take(group.Pages.Count).ToList();
                offset += group.Pages.Count;
                if (pages.Count > 0)
                    yield return (group.Group, pages);
            }
        }
    }

    // Slugs become file names. Planning already restricts them; checking again here keeps a bad plan from writing
    // outside the site (../x) or over index.html, whatever produced it.
    private static void Validate(DocumentationPlan plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in plan.Pages)
        {
            if (!SlugPattern().IsMatch(page.Slug))
                throw new ArgumentException($"The page slug '{page.Slug}' is not made of a-z, 0-9 and '-'.", nameof(plan));
            if (page.Slug == "index")
                throw new ArgumentException("The page slug 'index' is reserved for the site's home page.", nameof(plan));
            if (!seen.Add(page.Slug))
                throw new ArgumentException($"The page slug '{page.Slug}' appears more than once in the plan.", nameof(plan));
        }
    }

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
