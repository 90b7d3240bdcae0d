using System.Text.Json.Serialization;

namespace Docsfy.Worker.Plans;

/// <summary>
/// The site's outline (docs/design/pipeline.md §4): <c>{project_name, tagline, repo_type, navigation:[{group,
/// pages:[{slug, title, description, type}]}]}</c>. Stored on the variant as <c>plan_json</c>.
/// </summary>
public sealed record DocumentationPlan(
    [property: JsonPropertyName("project_name")] string ProjectName,
    [property: JsonPropertyName("tagline")] string Tagline,
    [property: JsonPropertyName("repo_type")] string RepoType,
    [property: JsonPropertyName("navigation")] IReadOnlyList<PlanGroup> Navigation)
{
    [JsonIgnore]
    public IEnumerable<PlanPage> Pages => Navigation.SelectMany(group => group.Pages);
}

public sealed record PlanGroup(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("pages")] IReadOnlyList<PlanPage> Pages);

/// <param name="Type">guide, reference, recipe or concept.</param>
public sealed record PlanPage(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("type")] string Type);
