namespace Docsfy.Contracts;

/// <summary>
/// The API's scheduler asks a worker which commit a branch points at now (request/response on
/// <see cref="Queues.HeadCheck"/>), read like <c>git ls-remote</c> under exactly the host rules and limits of a clone, so
/// a scheduled refresh starts a run only when the head moved. Exactly one of <see cref="RepoUrl"/> and
/// <see cref="RepoPath"/> is set; for a path the worker reads the local branch head.
/// </summary>
public sealed record ResolveBranchHead(string? RepoUrl, string? RepoPath, string Branch);

/// <summary>The branch's head commit, or null when it cannot be read now (unreachable, no such branch).</summary>
public sealed record BranchHeadResolved(string? CommitSha);
