using Docsfy.Contracts;
using Docsfy.Credentials;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Checkpoints;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.CrossLinking;
using Docsfy.Worker.Generation;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;
using Docsfy.Worker.Storage;
using Microsoft.Extensions.Options;
using Docsfy.Worker.Processes;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// One run, stage by stage (docs/design/pipeline.md §1): cloning; then nothing more when the commit is already
/// documented (up to date); incremental_planning when there is an earlier run to build on, else planning;
/// generating_pages, validating, cross_linking, rendering. Cloning, planning and rendering failures end the run in
/// <c>error</c>; validating and cross-linking failures are logged and skipped; any doubt in incremental planning means
/// a full run. Cancellation (abort, time limit, shutdown) propagates to the caller.
/// </summary>
/// <remarks>
/// As it goes, a run records its checkpoint (docs/design/pipeline.md §12): the commit once cloned, the plan once planned
/// (with an incremental run's choice of pages), every page once written. A later attempt of the run (its worker was
/// lost) clones that same commit, takes the plan and the pages from the checkpoint, and asks the AI only for the rest;
/// validating, cross-linking and rendering then run over all pages as usual.
/// </remarks>
public sealed class DocumentationPipeline(IRepositoryCloner cloner, RepositorySources sources, IAiProviderCatalog providers, Planner planner,
    IncrementalPlanner incremental, PageWriter writer, PageUpdater updater, PageValidator validator, Linker linker,
    OfflineDocumenter offline, ISiteRenderer renderer, SiteWriter sites, RunCheckpointStore checkpoints,
    IOptions<WorkerOptions> options, IOptions<ImageOptions> imageOptions, ILogger<DocumentationPipeline> logger)
{
    public async Task<RunOutcome> RunAsync(GenerateDocumentation command, RunReporter reporter, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(options.Value.ScratchDirectory, command.RunId.ToString("N"));
        // Another replica on this machine may take a run over before any orphan sweep removed the dead attempt's folder.
        ScratchFolder.CreateEmpty(scratch);
        try
        {
            OrphanReaper.Claim(scratch);
            return await RunInAsync(scratch, command, reporter, cancellationToken);
        }
        finally
        {
            DeleteScratch(scratch);
        }
    }

    private async Task<RunOutcome> RunInAsync(string scratch, GenerateDocumentation command, RunReporter reporter,
        CancellationToken cancellationToken)
    {
        var variant = command.Variant;
        IAiProvider? provider = null;
        if (variant.Provider != AiProviderName.Offline && (provider = providers.Find(variant.Provider)) is null)
        {
            return RunOutcome.Failed($"This worker has no AI provider named '{variant.Provider}'.");
        }

        var resumed = await checkpoints.LoadAsync(command.RunId, command.Attempt, cancellationToken);
        var checkpoint = new RunCheckpointWriter(checkpoints, command.RunId, command.Attempt, logger);
        if (resumed.IsResumed)
        {
            reporter.Resume(resumed.LastSequence, Math.Max(resumed.PageCount, resumed.Pages.Count));
            logger.LogInformation("Run {RunId} attempt {Attempt} resumes at commit {Commit} with {Pages} pages already written",
                command.RunId, command.Attempt, resumed.CommitSha, resumed.Pages.Count);
        }

        await reporter.StageAsync(RunStage.Cloning, cancellationToken);
        RepositorySource source;
        try
        {
            // A resumed run documents the commit its first attempt cloned, wherever the branch has moved since.
            source = await sources.ForProjectAsync(command.RepoUrl, command.RepoPath, variant.Branch, variant.Name, variant.Owner,
                cancellationToken) with { Commit = resumed.CommitSha };
        }
        catch (CredentialUnreadableException exception)
        {
            return RunOutcome.Failed(exception.Message);
        }
        // Asking the source for the branch's head costs one round trip; an up-to-date run then needs no clone at all.
        if (!resumed.IsResumed && command.BaseCommitSha is { } baseCommit && !command.Force
            && await cloner.ResolveHeadAsync(source, cancellationToken) == baseCommit
            && UpToDatePlan(command, baseCommit) is { } unchanged)
        {
            logger.LogInformation("Run {RunId}: commit {Commit} is already documented; nothing to do", command.RunId, baseCommit);
            return RunOutcome.UpToDateWith(unchanged.Pages.Count(), baseCommit, command.BasePlanJson!);
        }
        Checkout checkout;
        try
        {
            checkout = await cloner.CloneAsync(source, Path.Combine(scratch, "checkout"), cancellationToken);
        }
        catch (CloneFailedException exception)
        {
            return RunOutcome.Failed(exception.Message);
        }
        await checkpoint.CommitAsync(checkout.CommitSha, cancellationToken);

        // The same check once more with the cloned commit: the head could not be read beforehand (a server that answers
        // clones but not reference listings), or the branch moved back to the base commit in between.
        if (UpToDatePlan(command, checkout.CommitSha) is { } basePlan)
        {
            logger.LogInformation("Run {RunId}: commit {Commit} is already documented; nothing to do", command.RunId, checkout.CommitSha);
            return RunOutcome.UpToDateWith(basePlan.Pages.Count(), checkout.CommitSha, command.BasePlanJson!);
        }

        var promptFiles = Directory.CreateDirectory(Path.Combine(scratch, "prompts")).FullName;
        var repository = RepositorySnapshot.Read(checkout);
        var timeout = TimeSpan.FromMinutes(command.AiCliTimeoutMinutes ?? options.Value.AiCliTimeoutMinutes);
        var ai = provider is null ? null : new AiSession(provider, variant.Model, checkout.Directory, timeout, reporter.Meter,
            reporter.Trace);
        var run = new RunContext(command, repository, promptFiles, reporter, ai, checkpoint);
        try
        {
            var documented = run.Ai is null ? await DocumentOfflineAsync(run, cancellationToken)
                : resumed is { PlanJson: not null, Rewrite: null } ? await DocumentAllAsync(run, resumed, cancellationToken)
                : await incremental.PlanAsync(run, checkout, source, resumed.Rewrite, cancellationToken) is { } changes
                    ? await DocumentChangesAsync(run, changes, resumed, cancellationToken)
                    : await DocumentAllAsync(run, RunCheckpoint.Empty, cancellationToken);
            return await RenderAsync(run, documented, checkout.CommitSha, cancellationToken);
        }
        catch (RunFailedException exception)
        {
            return RunOutcome.Failed(exception.Message, checkout.CommitSha);
        }
        catch (AiProviderUnavailableException exception)
        {
            return RunOutcome.Failed(exception.Message, checkout.CommitSha);
        }
        finally
        {
            var usage = reporter.Meter.Snapshot();
            logger.LogInformation(
                "Run {RunId} made {Calls} AI calls ({InputTokens} input, {OutputTokens} output tokens) and reused {Reused} pages",
                command.RunId, usage.AiCalls, usage.InputTokens, usage.OutputTokens, usage.PagesReused);
        }
    }

    /// <summary>The <c>offline</c> provider: a plan and pages from the repository's own files, no AI.</summary>
    private async Task<Documented> DocumentOfflineAsync(RunContext run, CancellationToken cancellationToken)
    {
        var reporter = run.Reporter;
        await reporter.StageAsync(RunStage.Planning, cancellationToken);
        var offlinePlan = offline.Plan(run.Repository, run.Variant.Name, run.Command.RepoType);
        var plan = offlinePlan.Plan;
        await reporter.StageAsync(RunStage.GeneratingPages, cancellationToken, PlanJson(plan));
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in plan.Pages)
        {
            written[page.Slug] = offline.WritePage(run.Repository, offlinePlan, page);
            await reporter.PagesDoneAsync(written.Count, cancellationToken);
        }
        var linked = await LinkAsync(run, plan, written, keptRelated: null, cancellationToken);
        return linked with { PageFolders = offlinePlan.PageFolders(), LeftOut = offlinePlan.Coverage.LeftOut() };
    }

    /// <summary>
    /// A full run: a new plan (or the one an earlier attempt made), every page not written yet written, all of them
    /// validated, then cross-linked.
    /// </summary>
    private async Task<Documented> DocumentAllAsync(RunContext run, RunCheckpoint resumed, CancellationToken cancellationToken)
    {
        var reporter = run.Reporter;
        var (plan, planJson) = PlanParser.TryReadStored(resumed.PlanJson) is { } kept
            ? (kept, resumed.PlanJson!)
            : await PlanAsync(run, cancellationToken);
        var done = WrittenBefore(resumed, plan.Pages);
        await reporter.StageAsync(RunStage.GeneratingPages, cancellationToken, planJson);
        var written = await writer.WriteAsync(run, plan, plan.Pages.Where(page => !done.ContainsKey(page.Slug)), done.Count,
            options.Value.MaxConcurrentPages, cancellationToken);
        var pages = Merge(done, written);
        pages = await ValidateAsync(run, plan, pages, cancellationToken);
        return await LinkAsync(run, plan, pages, keptRelated: null, cancellationToken);
    }

    private async Task<(DocumentationPlan Plan, string Json)> PlanAsync(RunContext run, CancellationToken cancellationToken)
    {
        await run.Reporter.StageAsync(RunStage.Planning, cancellationToken);
        PlanResult planned;
        try
        {
            planned = await planner.PlanAsync(run, cancellationToken);
        }
        catch (AiCallFailedException exception)
        {
            throw new RunFailedException($"Planning failed: {exception.Message}");
        }
        var plan = planned.Plan ?? throw new RunFailedException(planned.Error!);
        await run.Checkpoint.PlanAsync(planned.Json, rewrite: null, cancellationToken);
        return (plan, planned.Json);
    }

    /// <summary>The pages an earlier attempt wrote that this plan still has.</summary>
    private static Dictionary<string, string> WrittenBefore(RunCheckpoint resumed, IEnumerable<PlanPage> pages) =>
        pages.Where(page => resumed.Pages.ContainsKey(page.Slug))
            .ToDictionary(page => page.Slug, page => resumed.Pages[page.Slug], StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> earlier,
        IReadOnlyDictionary<string, string> now)
    {
        var pages = new Dictionary<string, string>(earlier, StringComparer.Ordinal);
        foreach (var (slug, markdown) in now)
        {
            pages[slug] = markdown;
        }
        return pages;
    }

    /// <summary>
    /// An incremental run: the earlier plan, the pages the change affects updated and validated, every other page from
    /// the cache exactly as it was (not even cross-linked again: the plan, and so every link, is unchanged).
    /// </summary>
    private async Task<Documented> DocumentChangesAsync(RunContext run, IncrementalPlan changes, RunCheckpoint resumed,
        CancellationToken cancellationToken)
    {
        var reporter = run.Reporter;
        var plan = changes.Plan;
        var rewrite = changes.Rewrite.Select(page => page.Slug).ToHashSet(StringComparer.Ordinal);
        var reused = plan.Pages.Where(page => !rewrite.Contains(page.Slug))
            .ToDictionary(page => page.Slug, page => changes.Previous[page.Slug], StringComparer.Ordinal);
        reporter.Meter.PagesReused(reused.Count);
        var planJson = PlanJson(plan);
        await run.Checkpoint.PlanAsync(planJson, [.. rewrite.Order(StringComparer.Ordinal)], cancellationToken);
        var done = resumed.Rewrite is null ? [] : WrittenBefore(resumed, changes.Rewrite);

        await reporter.StageAsync(RunStage.GeneratingPages, cancellationToken, planJson);
        if (reused.Count + done.Count > 0)
        {
            await reporter.PagesDoneAsync(reused.Count + done.Count, cancellationToken);
        }
        var updated = Merge(done, await updater.UpdateAsync(run, plan, [.. changes.Rewrite.Where(page => !done.ContainsKey(page.Slug))],
            changes.Previous, changes.Diff, reused.Count + done.Count, options.Value.MaxConcurrentPages, cancellationToken));
        updated = await ValidateAsync(run, plan, updated, cancellationToken);
        var keptRelated = changes.Rewrite.ToDictionary(page => page.Slug,
            page => changes.Previous.TryGetValue(page.Slug, out var earlier) ? CrossLinker.RelatedPagesOf(earlier) : [],
            StringComparer.Ordinal);
        var linked = await LinkAsync(run, plan, updated, keptRelated, cancellationToken);

        var pages = new Dictionary<string, string>(reused, StringComparer.Ordinal);
        foreach (var (slug, markdown) in linked.Pages)
        {
            pages[slug] = markdown;
        }
        return new Documented(plan, pages);
    }

    private async Task<IReadOnlyDictionary<string, string>> ValidateAsync(RunContext run, DocumentationPlan plan,
        IReadOnlyDictionary<string, string> pages, CancellationToken cancellationToken)
    {
        await run.Reporter.StageAsync(RunStage.Validating, cancellationToken);
        return await SkipOnFailureAsync(RunStage.Validating, run, pages,
            () => validator.ValidateAsync(run, plan, pages, options.Value.MaxConcurrentPages, cancellationToken));
    }

    private async Task<Documented> LinkAsync(RunContext run, DocumentationPlan plan, IReadOnlyDictionary<string, string> pages,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? keptRelated, CancellationToken cancellationToken)
    {
        await run.Reporter.StageAsync(RunStage.CrossLinking, cancellationToken);
        var linked = await SkipOnFailureAsync(RunStage.CrossLinking, run, pages,
            () => linker.LinkAsync(run, plan, pages, cancellationToken, keptRelated));
        return new Documented(plan, linked);
    }

    /// <summary>Renders and stores the site, and caches every page but placeholders for the next run.</summary>
    private async Task<RunOutcome> RenderAsync(RunContext run, Documented documented, string commitSha,
        CancellationToken cancellationToken)
    {
        await run.Reporter.StageAsync(RunStage.Rendering, cancellationToken);
        string? leftOut;
        try
        {
            var images = new SiteImages(run.Repository, imageOptions.Value, documented.PageFolders);
            var files = renderer.Render(documented.Plan, documented.Pages, images);
            if (images.LeftOut.Count > 0)
            {
                logger.LogInformation("Run {RunId}: {Count} referenced images were not copied: {Images}", run.Command.RunId,
                    images.LeftOut.Count, string.Join("; ", images.LeftOut.Take(20)));
            }
            leftOut = SiteLeftOut.Describe(run.Repository, documented.LeftOut, images.LeftOut);
            var cacheable = documented.Pages.Where(page => !run.IsPlaceholder(page.Key))
                .ToDictionary(page => page.Key, page => page.Value, StringComparer.Ordinal);
            await sites.SaveAsync(run.Command.RunId, files, cacheable, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Run {RunId}: rendering failed", run.Command.RunId);
            return RunOutcome.Failed("Rendering the site failed. See the worker's log for details.", commitSha);
        }
        return RunOutcome.Ready(documented.Pages.Count, commitSha, leftOut);
    }

    /// <summary>Validating and cross-linking improve pages; when they fail, the pages as they were are still a site.</summary>
    private async Task<IReadOnlyDictionary<string, string>> SkipOnFailureAsync(string stage, RunContext run,
        IReadOnlyDictionary<string, string> pages, Func<Task<IReadOnlyDictionary<string, string>>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not AiProviderUnavailableException)
        {
            logger.LogWarning(exception, "Run {RunId}: {Stage} failed and was skipped", run.Command.RunId, stage);
            return pages;
        }
    }

    /// <summary>
    /// The base's plan when this run has nothing to do: not forced, and its base documented this very commit with a plan
    /// that still reads. Null means generate.
    /// </summary>
    private static DocumentationPlan? UpToDatePlan(GenerateDocumentation command, string commitSha) =>
        command.Force || command.BaseRunId is null || command.BaseCommitSha != commitSha
            ? null
            : PlanParser.TryReadStored(command.BasePlanJson);

    private static string PlanJson(DocumentationPlan plan) => System.Text.Json.JsonSerializer.Serialize(plan);

    /// <summary>
    /// The checkout holds whatever names the repository chose, including ones that are not valid UTF-8, which .NET's own
    /// delete cannot name: <see cref="ScratchFolder.TryDelete"/> handles any name git can store.
    /// </summary>
    private void DeleteScratch(string scratch)
    {
        if (!ScratchFolder.TryDelete(scratch))
        {
            logger.LogWarning("Could not delete the scratch folder {Folder}", scratch);
        }
    }
}

/// <summary>A plan and its pages (Markdown by slug), ready to render.</summary>
/// <param name="PageFolders">
/// The repository folder each page's source lives in, by slug, where a page was copied from a file (offline runs):
/// relative image paths in it are relative to that folder. Pages not listed are at the repository root.
/// </param>
/// <param name="LeftOut">What the plan left out because a limit was reached, one phrase each.</param>
internal sealed record Documented(DocumentationPlan Plan, IReadOnlyDictionary<string, string> Pages,
    IReadOnlyDictionary<string, string>? PageFolders = null, IReadOnlyList<string>? LeftOut = null);

/// <summary>The run cannot go on; the message is shown to users.</summary>
internal sealed class RunFailedException(string message) : Exception(message);
