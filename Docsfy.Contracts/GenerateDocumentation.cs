namespace Docsfy.Contracts;

/// <summary>
/// The API asks a worker to run the pipeline for one run of a variant. Exactly one of <see cref="RepoUrl"/> and
/// <see cref="RepoPath"/> is set. <see cref="BaseRunId"/> names the ready run whose plan, commit and pages may
/// be reused: always the variant's own published run (same provider and model, so pages are only ever reused by the
/// model that wrote them), with that run's commit and plan; all null when <see cref="Force"/> is set or there is none.
/// </summary>
public sealed record GenerateDocumentation(
    VariantKey Variant,
    Guid RunId,
    string? RepoUrl,
    string? RepoPath,
    bool Force,
    string? RepoType,
    int? AiCliTimeoutMinutes,
    Guid? BaseRunId,
    string? BaseCommitSha,
    string? BasePlanJson);
