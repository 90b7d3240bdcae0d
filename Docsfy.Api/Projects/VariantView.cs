namespace Docsfy.Api.Projects;

/// <summary>
/// A variant as clients see it: exactly the <c>sync.projects[]</c> fields of the WebSocket reference, plus
/// <c>generation_id</c> and <c>repo_type</c>.
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
    Guid GenerationId,
    string? RepoType);
