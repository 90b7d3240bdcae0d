using System.Text;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// Builds the static documentation site (docs/design/pipeline.md §7). The output depends only on its input — no
/// timestamps, a fixed file order — so re-rendering the same plan and pages gives the same bytes and stable ETags.
/// </summary>
public sealed class SiteRenderer : ISiteRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlyList<SiteFile> Render(DocumentationPlan plan, IReadOnlyDictionary<string, string> markdownBySlug,
        SiteImages? images = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(markdownBySlug);

        var site = Site.Build(plan, markdownBySlug, images);
        var files = new List<SiteFile> { Text("index.html", ContentTypes.Html, HomePage.Write(site)) };

        for (var index = 0; index < site.Pages.Count; index++)
        {
            var page = site.Pages[index];
            files.Add(Text(page.HtmlPath, ContentTypes.Html, DocumentPage.Write(site, index)));
            files.Add(Text(page.MarkdownPath, ContentTypes.Markdown, page.Markdown));
        }

        files.Add(new SiteFile("search-index.json", ContentTypes.Json, SearchIndex.Write(site)));
        files.Add(Text("llms.txt", ContentTypes.PlainText, LlmsText.Index(site)));
        files.Add(Text("llms-full.txt", ContentTypes.PlainText, LlmsText.Full(site)));
        files.AddRange(SiteAssets.Files);
        if (images is not null)
        {
            files.AddRange(images.Files);
        }
        return files;
    }

    private static SiteFile Text(string path, string contentType, string content) =>
        new(path, contentType, Utf8.GetBytes(content));
}
