namespace Docsfy.Api.Projects;

public enum DeletionStatus { Deleted, NotFound, Generating }

/// <param name="Owner">The owner as stored (the request may spell it in another case).</param>
/// <param name="Grantees">Who had been granted the project when it was deleted: they must get a sync showing it gone.</param>
/// <param name="GrantsRemoved">The last variant of (name, owner) went, and its grants with it.</param>
public sealed record DeletionOutcome(
    DeletionStatus Status,
    string? Owner = null,
    int VariantCount = 0,
    IReadOnlyList<string>? Grantees = null,
    bool GrantsRemoved = false);
