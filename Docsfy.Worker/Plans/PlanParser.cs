using System.Text.Json;
using Docsfy.Worker.Ai;

namespace Docsfy.Worker.Plans;

/// <summary>
/// Turns the planner's answer into a <see cref="DocumentationPlan"/> that later stages can trust: known enum values,
/// safe unique slugs, clean bounded text, bounded size. Pages that cannot be saved are dropped rather than failing the run.
/// </summary>
public static class PlanParser
{
    public const int MaxPages = 60;
    public const int MaxGroups = 20;
    public const int MaxProjectNameLength = 100;
    public const int MaxTaglineLength = 200;
    public const int MaxGroupNameLength = 80;
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 300;

    public static readonly IReadOnlyList<string> RepoTypes = ["app", "tests", "library", "framework"];
    public static readonly IReadOnlyList<string> PageTypes = ["guide", "reference", "recipe", "concept"];

    // index.html is the site's own page; "all" is how the incremental planner says "every page".
    private static readonly HashSet<string> ReservedSlugs = ["index", "all"];

    /// <summary>Parses an AI answer (prose, fences and reasoning allowed around the JSON).</summary>
    /// <param name="fallbackProjectName">Used when the plan names no project, e.g. the repository name.</param>
    /// <exception cref="InvalidPlanException">No JSON object, no navigation, or no valid page.</exception>
    public static DocumentationPlan Parse(string? answer, string fallbackProjectName = "Documentation")
    {
        var json = AiJson.Extract(answer, JsonValueKind.Object)
            ?? throw new InvalidPlanException("The AI did not answer with a documentation plan (no JSON object found).");
        return FromJson(json, fallbackProjectName);
    }

    /// <summary>A stored <c>plan_json</c> (an earlier run's plan), or null when it is missing or no longer reads as a plan.</summary>
    public static DocumentationPlan? TryReadStored(string? planJson)
    {
        if (planJson is null)
            return null;
        try
        {
            using var json = JsonDocument.Parse(planJson);
            return FromJson(json.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidPlanException)
        {
            return null;
        }
    }

    /// <summary>Validates an already parsed plan, e.g. a stored <c>plan_json</c>.</summary>
    public static DocumentationPlan FromJson(JsonElement json, string fallbackProjectName = "Documentation")
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new InvalidPlanException("The documentation plan is not a JSON object.");

        var groups = new List<PlanGroup>();
        var slugs = new HashSet<string>(ReservedSlugs);
        var pageCount = 0;
        foreach (var group in GroupsOf(json).Take(MaxGroups))
        {
            var pages = new List<PlanPage>();
            foreach (var page in Array(group, "pages"))
            {
                if (pageCount >= MaxPages)
                    break;
                if (ParsePage(page, slugs) is { } parsed)
                {
                    pages.Add(parsed);
                    pageCount++;
                }
            }
            if (pages.Count > 0)
                groups.Add(new PlanGroup(TextOr(group, "group", MaxGroupNameLength, "Documentation"), pages));
        }

        if (groups.Count == 0)
            throw new InvalidPlanException("The AI's documentation plan has no valid pages.");

        return new DocumentationPlan(
            TextOr(json, "project_name", MaxProjectNameLength, PlanText.Clean(fallbackProjectName, MaxProjectNameLength)),
            TextOr(json, "tagline", MaxTaglineLength, ""),
            OneOf(json, "repo_type", RepoTypes),
            groups);
    }

    private static IEnumerable<JsonElement> GroupsOf(JsonElement plan)
    {
        if (plan.TryGetProperty("navigation", out var navigation) && navigation.ValueKind == JsonValueKind.Array)
            return navigation.EnumerateArray().Where(group => group.ValueKind == JsonValueKind.Object);
        // Some models flatten the outline to a top-level page list: one group is still a usable site.
        if (plan.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Array)
            return [plan];
        throw new InvalidPlanException("The AI's documentation plan has no \"navigation\" list.");
    }

    private static PlanPage? ParsePage(JsonElement page, HashSet<string> usedSlugs)
    {
        if (page.ValueKind != JsonValueKind.Object)
            return null;
        var title = TextOr(page, "title", MaxTitleLength, "");
        // A missing slug can come from the title; a slug that was given but is nothing but symbols is rejected.
        var slug = StringOf(page, "slug") is { } given ? Slug.Normalize(given) : Slug.Normalize(title);
        if (slug is null)
            return null;
        slug = Unique(slug, usedSlugs);
        return new PlanPage(
            slug,
            title.Length > 0 ? title : TitleFromSlug(slug),
            TextOr(page, "description", MaxDescriptionLength, ""),
            OneOf(page, "type", PageTypes));
    }

    private static string Unique(string slug, HashSet<string> usedSlugs)
    {
        var candidate = slug;
        for (var n = 2; !usedSlugs.Add(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = slug[..Math.Min(slug.Length, Slug.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }
        return candidate;
    }

    private static string TitleFromSlug(string slug)
    {
        var words = slug.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string TextOr(JsonElement element, string name, int maxLength, string fallback) =>
        PlanText.Clean(StringOf(element, name), maxLength) is { Length: > 0 } text ? text : fallback;

    private static string OneOf(JsonElement element, string name, IReadOnlyList<string> allowed)
    {
        var value = StringOf(element, name)?.Trim().ToLowerInvariant();
        return value is not null && allowed.Contains(value) ? value : allowed[0];
    }
}
