namespace Docsfy.Contracts;

/// <summary>
/// The worker reached a stage of a run, or finished a page. <see cref="Sequence"/> rises monotonically within a run so
/// the API can ignore stale and duplicate deliveries.
/// </summary>
public sealed record GenerationProgressed(
    VariantKey Variant,
    Guid RunId,
    long Sequence,
    string Stage,
    int PageCount,
    string? PlanJson,
    string? ErrorMessage);
