namespace Docsfy.Api.Projects;

/// <summary>
/// Narrows <see cref="ProjectStore.FindVisibleAsync"/>; null fields match anything. <see cref="Owner"/> compares
/// regardless of case (usernames are unique regardless of case); every other field exactly.
/// </summary>
public sealed record VariantFilter(
    string? Name = null,
    string? Branch = null,
    string? Provider = null,
    string? Model = null,
    string? Owner = null,
    Guid? RunId = null,
    bool PublishedOnly = false);

/// <summary>How <see cref="ProjectStore.FindVisibleAsync"/> orders what it finds.</summary>
public enum VariantOrder
{
    /// <summary>Newest change first, like <c>sync.projects</c>.</summary>
    UpdatedDescending,

    /// <summary>The caller's own variants first, then the most recently generated: "the newest ready site" for a caller.</summary>
    OwnThenNewestGenerated,
}
