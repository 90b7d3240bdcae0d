namespace Docsfy.Contracts;

/// <summary>
/// The API's scheduler asks a worker which commit a branch points at now (request/response on
/// <see cref="Queues.HeadCheck"/>), read like <c>git ls-remote</c> under exactly the host rules and limits of a clone, so
/// a scheduled refresh starts a run only when the head moved. Exactly one of <see cref="RepoUrl"/> and
/// <see cref="RepoPath"/> is set; for a path the worker reads the local branch head. <see cref="Project"/> and
/// <see cref="Owner"/> name the project whose credentials (a private repository) the worker loads from the database
/// itself: a credential never travels in a message.
/// </summary>
public sealed record ResolveBranchHead(string? RepoUrl, string? RepoPath, string Branch, string? Project = null,
    string? Owner = null);

/// <summary>The branch's head commit, or null when it cannot be read now (unreachable, no such branch).</summary>
public sealed record BranchHeadResolved(string? CommitSha);
