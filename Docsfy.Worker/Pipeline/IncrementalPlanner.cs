using Docsfy.Contracts;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Storage;
using LibGit2Sharp;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// <c>incremental_planning</c>: when the run has a base (an earlier ready run with a plan, a commit and cached pages),
/// the diff between that commit and this one is shown to the AI, which names the pages the change affects. Only those
/// are rewritten; the rest come from the page cache byte for byte. Any doubt (no base, an unreadable plan, a commit
/// that cannot be fetched, a failed call, <c>["all"]</c>, a slug the plan lacks) answers null: regenerate in full.
/// </summary>
public sealed class IncrementalPlanner(IRepositoryCloner cloner, PageCache cache, ILogger<IncrementalPlanner> logger)
{
    /// <param name="decided">
    /// The pages an earlier attempt of this run chose to rewrite (docs/design/pipeline.md §12): the AI is not asked again,
    /// so the attempt rewrites exactly the pages the checkpoint's were written for.
    /// </param>
    public async Task<IncrementalPlan?> PlanAsync(RunContext run, Checkout checkout, RepositorySource source,
        IReadOnlyList<string>? decided,
        CancellationToken cancellationToken)
    {
        var command = run.Command;
        if (run.Ai is null || command.Force || command.BaseRunId is not { } baseRun
            || command.BaseCommitSha is not { } baseCommit || PlanParser.TryReadStored(command.BasePlanJson) is not { } plan)
        {
            return null;
        }
        await run.Reporter.StageAsync(RunStage.IncrementalPlanning, cancellationToken);

        var cached = await cache.LoadAsync(baseRun, cancellationToken);
        if (cached.Count == 0)
        {
            return FullRegeneration(run, "the earlier run left no cached pages");
        }
        if (!await cloner.FetchCommitAsync(source, checkout, baseCommit, cancellationToken))
        {
            return FullRegeneration(run, $"the earlier commit {baseCommit} is no longer reachable");
        }
        RepositoryDiff diff;
        try
        {
            diff = RepositoryDiff.Between(checkout.Directory, baseCommit, checkout.CommitSha);
        }
        catch (LibGit2SharpException exception)
        {
            return FullRegeneration(run, $"the diff could not be computed ({exception.Message})");
        }

        var selection = decided is null ? await SelectAsync(run, plan, diff, cancellationToken) : new PageSelection(false, decided);
        if (selection is null || selection.All)
        {
            return FullRegeneration(run, "the AI could not say which pages the change affects");
        }
        var slugs = plan.Pages.Select(page => page.Slug).ToHashSet(StringComparer.Ordinal);
        if (selection.Slugs.FirstOrDefault(slug => !slugs.Contains(slug)) is { } unknown)
        {
            return FullRegeneration(run, $"the AI named a page the plan does not have ('{unknown}')");
        }
        // Pages the earlier run could not write (placeholders are never cached) are written now too.
        var rewrite = plan.Pages.Where(page => selection.Includes(page.Slug) || !cached.ContainsKey(page.Slug)).ToList();
        logger.LogInformation("Run {RunId}: {Changed} changed files affect {Pages} of {Total} pages",
            command.RunId, diff.Files.Count, rewrite.Count, plan.Pages.Count());
        return new IncrementalPlan(plan, cached, rewrite, diff);
    }

    private async Task<PageSelection?> SelectAsync(RunContext run, DocumentationPlan plan, RepositoryDiff diff,
        CancellationToken cancellationToken)
    {
        try
        {
            var changes = diff.Summary();
            var planFile = await PageWriter.WritePlanFileAsync(run, plan, cancellationToken);
            var changesFile = await run.WriteScratchFileAsync("changed-files.txt", changes, cancellationToken);
            var diffFile = await run.WriteScratchFileAsync("changes.diff", diff.Patch(), cancellationToken);
            var answer = await run.Ai!.AskAsync(Prompts.IncrementalPlan(plan, planFile, changesFile, diffFile, changes),
                cancellationToken);
            return PageSelection.Parse(answer);
        }
        catch (AiCallFailedException exception)
        {
            logger.LogWarning("Run {RunId}: incremental planning failed: {Reason}", run.Command.RunId, exception.Message);
            return null;
        }
    }

    private IncrementalPlan? FullRegeneration(RunContext run, string reason)
    {
        logger.LogInformation("Run {RunId}: regenerating in full: {Reason}", run.Command.RunId, reason);
        return null;
    }
}

/// <summary>
/// The outcome of incremental planning: the earlier plan kept as it is, the earlier pages by slug, and the pages to
/// rewrite (the rest are reused from <see cref="Previous"/> unchanged).
/// </summary>
public sealed record IncrementalPlan(DocumentationPlan Plan, IReadOnlyDictionary<string, string> Previous,
    IReadOnlyList<PlanPage> Rewrite, RepositoryDiff Diff);
