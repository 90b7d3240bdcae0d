namespace Docsfy.Contracts;

/// <summary>
/// The API asks a worker for a repository's branches (request/response on <see cref="Queues.BranchListing"/>), so they
/// are read under exactly the host rules and limits of a clone. Exactly one of <see cref="RepoUrl"/> and
/// <see cref="RepoPath"/> is set.
/// </summary>
public sealed record ListBranches(string? RepoUrl, string? RepoPath);

/// <summary>The branches that can be documented (valid branch names, in natural order), or why they cannot be read.</summary>
public sealed record BranchesListed(IReadOnlyList<string> Branches, string? Problem);
