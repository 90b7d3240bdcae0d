namespace Docsfy.Contracts;

/// <summary>
/// A run ended: <see cref="Status"/> is <c>ready</c>, <c>error</c> or <c>aborted</c>. <see cref="UpToDate"/> marks a
/// ready run that reused its base's site because the commit had not changed; <see cref="PlanJson"/> is then the base's
/// plan. <see cref="Usage"/> is what the worker's run spent (null when the API itself ended the run).
/// <see cref="LeftOut"/> says, in the user's words, what a ready run's site left out because a limit was reached
/// ("150 of 180 guides shown"); null when nothing was. A terminal status of an earlier <see cref="Attempt"/> than the
/// run's current one is refused (docs/design/pipeline.md §12).
/// </summary>
public sealed record GenerationFinished(
    VariantKey Variant,
    Guid RunId,
    long Sequence,
    string Status,
    int PageCount,
    DateTime? LastGenerated,
    string? CommitSha,
    string? ErrorMessage,
    bool UpToDate,
    string? PlanJson = null,
    RunUsage? Usage = null,
    string? LeftOut = null,
    int Attempt = 1);
