namespace Docsfy.Worker.Checkpoints;

/// <summary>
/// Where a run's stages record what they got done, as they go, so a later attempt does not do it again
/// (docs/design/pipeline.md §12). Recording is best effort: a run whose record fails still runs, it only resumes from
/// less.
/// </summary>
public interface IRunCheckpoint
{
    /// <summary>The plan the run writes its pages for; <paramref name="rewrite"/> null for a full run, else the incremental run's choice.</summary>
    Task PlanAsync(string planJson, IReadOnlyList<string>? rewrite, CancellationToken cancellationToken);

    /// <summary>A page written in full (never a placeholder).</summary>
    Task PageAsync(string slug, string markdown, CancellationToken cancellationToken);
}
