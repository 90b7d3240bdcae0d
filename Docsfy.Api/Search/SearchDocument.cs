using Docsfy.Api.Docs;

namespace Docsfy.Api.Search;

/// <summary>One page as the index stores it: the texts shown in hits and the identifier-split copies that are only searched.</summary>
public sealed record SearchDocument(string Path, string Slug, string Title, string Description, string Headings, string Body)
{
    // Bounds on what one page may put into the index; the worker's own index already cuts page text at 10,000 characters.
    public const int MaxTitleLength = 500;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxHeadingsLength = 10_000;
    public const int MaxBodyLength = 50_000;

    /// <summary>The pages of a parsed <c>search-index.json</c> worth indexing: a safe site path and a slug, each path once.</summary>
    internal static IReadOnlyList<SearchDocument> From(SiteSearchIndex index)
    {
        var documents = new List<SearchDocument>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in index.Pages ?? [])
        {
            if (page is null || !SitePaths.IsSafe(page.Url) || string.IsNullOrWhiteSpace(page.Slug) || !paths.Add(page.Url!))
            {
                continue;
            }
            var headings = string.Join('\n', (page.Headings ?? []).Select(h => h?.Text).OfType<string>());
            documents.Add(new SearchDocument(
                page.Url!,
                Clean(page.Slug, SitePaths.MaxLength),
                Clean(string.IsNullOrWhiteSpace(page.Title) ? page.Slug : page.Title, MaxTitleLength),
                Clean(page.Description, MaxDescriptionLength),
                Clean(headings, MaxHeadingsLength),
                Clean(page.Text, MaxBodyLength)));
        }
        return documents;
    }

    /// <summary>
    /// Bounded text PostgreSQL accepts: no NUL, no lone surrogate (JSON can encode one; UTF-8 cannot), no cut through a
    /// surrogate pair, and none of the snippet marks.
    /// </summary>
    private static string Clean(string? text, int maxLength)
    {
        var source = (text ?? "").Trim();
        var clean = new System.Text.StringBuilder(Math.Min(source.Length, maxLength));
        for (var i = 0; i < source.Length && clean.Length < maxLength; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                if (clean.Length + 2 > maxLength)
                {
                    break;
                }
                clean.Append(c).Append(source[++i]);
                continue;
            }
            clean.Append(c is '\0' || char.IsSurrogate(c) ? ' ' : c);
        }
        return Snippet.StripMarks(clean.ToString());
    }
}
