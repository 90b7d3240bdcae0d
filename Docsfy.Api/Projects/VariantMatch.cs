namespace Docsfy.Api.Projects;

/// <summary>
/// A visible variant found by <see cref="ProjectStore.FindVisibleAsync"/>: its client view plus the run whose site is
/// served (null until a run of the variant has been published).
/// </summary>
public sealed record VariantMatch(VariantView View, Guid? PublishedRunId);
