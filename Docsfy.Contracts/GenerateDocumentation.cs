namespace Docsfy.Contracts;

/// <summary>
/// The API asks a worker to run the pipeline for one run of a variant. Exactly one of <see cref="RepoUrl"/> and
/// <see cref="RepoPath"/> is set. <see cref="BaseRunId"/> names the ready run whose plan, commit and pages may
/// be reused: always the variant's own published run (same provider and model, so pages are only ever reused by the
/// model that wrote them), with that run's commit and plan; all null when <see cref="Force"/> is set or there is none.
/// <see cref="Attempt"/> is 1 for a new run and one more each time the API hands the run to another worker because its
/// worker was lost; that worker continues from the run's checkpoint (docs/design/pipeline.md §12).
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
    string? BasePlanJson,
    int Attempt = 1);
