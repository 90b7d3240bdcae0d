namespace Docsfy.Worker.Checkpoints;

/// <summary>
/// What earlier attempts of a run got done (docs/design/pipeline.md §12): the commit they documented, the plan, for an
/// incremental run the pages it chose to rewrite, and every page written (by slug, placeholders never). Empty for a
/// run's first attempt. <see cref="LastSequence"/> and <see cref="PageCount"/> are what the API last applied, so the
/// attempt's events continue after them and its page count never goes back.
/// </summary>
/// <param name="Rewrite">Null for a full run of <see cref="PlanJson"/>; else the incremental run's pages to rewrite.</param>
public sealed record RunCheckpoint(string? CommitSha, string? PlanJson, IReadOnlyList<string>? Rewrite,
    IReadOnlyDictionary<string, string> Pages, long LastSequence, int PageCount)
{
    public static RunCheckpoint Empty { get; } = new(null, null, null, new Dictionary<string, string>(), 0, 0);

    /// <summary>Whether an earlier attempt got anywhere (it cloned at least).</summary>
    public bool IsResumed => CommitSha is not null;
}
