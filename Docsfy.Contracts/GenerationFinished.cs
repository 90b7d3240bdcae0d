namespace Docsfy.Contracts;

/// <summary>
/// A run ended: <see cref="Status"/> is <c>ready</c>, <c>error</c> or <c>aborted</c>. <see cref="UpToDate"/> marks a
/// ready run that reused the variant as it was because the commit had not changed.
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
    bool UpToDate);
