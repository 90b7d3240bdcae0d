using System.Text.Json;
using Docsfy.Worker.Ai;

namespace Docsfy.Worker.Plans;

/// <summary>
/// The incremental planner's answer: which page slugs must be regenerated. Any doubt (no JSON array, an item that is not
/// a string or not a slug, <c>"all"</c>) means everything, since a stale page is worse than a slower run.
/// </summary>
public sealed record PageSelection(bool All, IReadOnlyList<string> Slugs)
{
    public static PageSelection Everything { get; } = new(true, []);

    /// <summary>Parses answers such as <c>["intro","api"]</c>, <c>["all"]</c> or <c>[]</c> (nothing to regenerate).</summary>
    public static PageSelection Parse(string? answer)
    {
        if (AiJson.Extract(answer, JsonValueKind.Array) is not { } array)
            return Everything;

        var slugs = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                return Everything;
            var value = item.GetString();
            if (string.Equals(value?.Trim(), "all", StringComparison.OrdinalIgnoreCase))
                return Everything;
            // A name that is no slug at all is doubt too: the AI meant some page, and we cannot tell which.
            if (Slug.Normalize(value) is not { } slug)
                return Everything;
            if (!slugs.Contains(slug))
                slugs.Add(slug);
        }
        return new PageSelection(false, slugs);
    }

    /// <summary>True when the page must be regenerated.</summary>
    public bool Includes(string slug) => All || Slugs.Contains(slug);
}
