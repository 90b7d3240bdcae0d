using System.Text.Json.Serialization;

namespace Docsfy.Api.Projects;

/// <summary>
/// A variant as clients see it: exactly the <c>sync.projects[]</c> fields of the WebSocket reference, plus
/// <c>generation_id</c> and <c>repo_type</c>. REST reads of single variants add <see cref="AiUsage"/> and <see cref="Trigger"/>; lists and the
/// WebSocket <c>sync</c> leave it out (it is then null and not written).
/// </summary>
public sealed record VariantView(
    string Name,
    string Branch,
    string AiProvider,
    string AiModel,
    string Owner,
    string RepoUrl,
    string Status,
    string? CurrentStage,
    string? LastCommitSha,
    string? LastGenerated,
    int PageCount,
    string? ErrorMessage,
    string? PlanJson,
    string CreatedAt,
    string UpdatedAt,
    [property: JsonPropertyName("generation_id")] Guid RunId,
    string? RepoType)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AiUsageView? AiUsage { get; init; }

    /// <summary>Who or what started the run (REST reads of one variant only, like <see cref="AiUsage"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RunTriggerView? Trigger { get; init; }
}
