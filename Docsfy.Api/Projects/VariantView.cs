using System.Text.Json.Serialization;

namespace Docsfy.Api.Projects;

/// <summary>
/// A variant as clients see it: exactly the <c>sync.projects[]</c> fields of the WebSocket reference, plus
/// <c>generation_id</c>, <c>repo_type</c> and <c>published_commit_sha</c> (the commit of the site it serves, which after a
/// failed or aborted run differs from <c>last_commit_sha</c>, the latest run's) and <c>left_out</c> (what that site left
/// out because a limit was reached, null when nothing). REST reads of single variants add
/// <see cref="AiUsage"/>; lists and the WebSocket <c>sync</c> leave it out (it is then null and not written).
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
    string? RepoType,
    string? PublishedCommitSha,
    string? LeftOut)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AiUsageView? AiUsage { get; init; }

    /// <summary>REST reads of one variant whose run no worker has taken yet: how long it has waited, and for whom.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Workers.WaitingForWorker? WaitingForWorker { get; init; }
}
