namespace Docsfy.Contracts;

/// <summary>
/// The worker reached a stage of a run, or finished a page. <see cref="Sequence"/> rises monotonically within a run so
/// the API can ignore stale and duplicate deliveries. <see cref="Attempt"/> is the attempt of the run that sent it
/// (docs/design/pipeline.md §12): once the run is taken over, the API refuses every event of an earlier attempt.
/// </summary>
public sealed record GenerationProgressed(
    VariantKey Variant,
    Guid RunId,
    long Sequence,
    string Stage,
    int PageCount,
    string? PlanJson,
    string? ErrorMessage,
    int Attempt = 1);
