using Docsfy.Contracts;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Generation;
using Docsfy.Worker.Plans;
using Docsfy.Worker.Rendering;
using Docsfy.Worker.Storage;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// One run, stage by stage (SPEC section 5): cloning, planning, generating_pages, validating, cross_linking, rendering.
/// Cloning, planning and rendering failures end the run in <c>error</c>; validating and cross-linking failures are
/// logged and skipped. Cancellation (abort, time limit, shutdown) propagates to the caller.
/// </summary>
public sealed class DocumentationPipeline(IRepositoryCloner cloner, IAiProviderCatalog providers, Planner planner,
    PageWriter writer, PageValidator validator, Linker linker, OfflineDocumenter offline, ISiteRenderer renderer,
    SiteStore sites, IOptions<WorkerOptions> options, ILogger<DocumentationPipeline> logger)
{
    public const string OfflineProvider = "offline";

    public async Task<RunOutcome> RunAsync(GenerateDocumentation command, RunReporter reporter, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(options.Value.ScratchDirectory, command.RunId.ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
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
        if (variant.Provider != OfflineProvider && (provider = providers.Find(variant.Provider)) is null)
        {
            return RunOutcome.Failed($"This worker has no AI provider named '{variant.Provider}'.");
        }

        await reporter.StageAsync(Stages.Cloning, cancellationToken);
        Checkout checkout;
        try
        {
            checkout = await cloner.CloneAsync(new RepositorySource(command.RepoUrl, command.RepoPath, variant.Branch),
                Path.Combine(scratch, "checkout"), cancellationToken);
        }
        catch (CloneFailedException exception)
        {
            return RunOutcome.Failed(exception.Message);
        }

        if (UpToDatePageCount(command, checkout.CommitSha) is { } pageCount)
        {
            logger.LogInformation("Run {RunId}: commit {Commit} is already documented; nothing to do", command.RunId, checkout.CommitSha);
            return RunOutcome.Ready(pageCount, checkout.CommitSha, upToDate: true);
        }

        var promptFiles = Directory.CreateDirectory(Path.Combine(scratch, "prompts")).FullName;
        var repository = RepositorySnapshot.Read(checkout);
        var timeout = TimeSpan.FromMinutes(command.AiCliTimeoutMinutes ?? options.Value.AiCliTimeoutMinutes);
        var ai = provider is null ? null : new AiSession(provider, variant.Model, checkout.Directory, timeout);
        var run = new RunContext(command, repository, promptFiles, reporter, ai);
        try
        {
            return await DocumentAsync(run, checkout.CommitSha, cancellationToken);
        }
        catch (AiProviderUnavailableException exception)
        {
            return RunOutcome.Failed(exception.Message, checkout.CommitSha);
        }
        finally
        {
            if (ai is not null)
            {
                logger.LogInformation("Run {RunId} made {Calls} AI calls ({InputTokens} input, {OutputTokens} output tokens)",
                    command.RunId, ai.Calls, ai.InputTokens, ai.OutputTokens);
            }
        }
    }

    private async Task<RunOutcome> DocumentAsync(RunContext run, string commitSha, CancellationToken cancellationToken)
    {
        var reporter = run.Reporter;
        await reporter.StageAsync(Stages.Planning, cancellationToken);
        DocumentationPlan plan;
        IReadOnlyDictionary<string, string> pages;
        if (run.Ai is null)
        {
            var offlinePlan = offline.Plan(run.Repository, run.Variant.Name, run.Command.RepoType);
            plan = offlinePlan.Plan;
            await reporter.StageAsync(Stages.GeneratingPages, cancellationToken, PlanJson(plan));
            var written = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var page in plan.Pages)
            {
                written[page.Slug] = offline.WritePage(run.Repository, offlinePlan, page);
                await reporter.PagesDoneAsync(written.Count, cancellationToken);
            }
            pages = written;
        }
        else
        {
            PlanResult planned;
            try
            {
                planned = await planner.PlanAsync(run, cancellationToken);
            }
            catch (AiCallFailedException exception)
            {
                return RunOutcome.Failed($"Planning failed: {exception.Message}", commitSha);
            }
            if (planned.Plan is null)
            {
                return RunOutcome.Failed(planned.Error!, commitSha);
            }
            plan = planned.Plan;
            await reporter.StageAsync(Stages.GeneratingPages, cancellationToken, planned.Json);
            pages = await writer.WriteAsync(run, plan, plan.Pages, alreadyDone: 0, options.Value.MaxConcurrentPages, cancellationToken);

            await reporter.StageAsync(Stages.Validating, cancellationToken);
            pages = await SkipOnFailureAsync(Stages.Validating, run, pages,
                () => validator.ValidateAsync(run, plan, pages, options.Value.MaxConcurrentPages, cancellationToken));
        }

        await reporter.StageAsync(Stages.CrossLinking, cancellationToken);
        var unlinked = pages;
        pages = await SkipOnFailureAsync(Stages.CrossLinking, run, pages, () => linker.LinkAsync(run, plan, unlinked, cancellationToken));

        await reporter.StageAsync(Stages.Rendering, cancellationToken);
        try
        {
            var files = renderer.Render(plan, pages);
            await sites.SaveAsync(run.Command.RunId, files, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Run {RunId}: rendering failed", run.Command.RunId);
            return RunOutcome.Failed("Rendering the site failed. See the worker's log for details.", commitSha);
        }
        return RunOutcome.Ready(pages.Count, commitSha);
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
    /// The page count of the site being reused when this run has nothing to do: not forced, and its base documented this
    /// very commit with a plan that still reads. Null means generate.
    /// </summary>
    private static int? UpToDatePageCount(GenerateDocumentation command, string commitSha)
    {
        if (command.Force || command.BaseGenerationId is null || command.BaseCommitSha != commitSha || command.BasePlanJson is null)
        {
            return null;
        }
        try
        {
            using var plan = System.Text.Json.JsonDocument.Parse(command.BasePlanJson);
            return PlanParser.FromJson(plan.RootElement).Pages.Count();
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidPlanException)
        {
            return null;
        }
    }

    private static string PlanJson(DocumentationPlan plan) => System.Text.Json.JsonSerializer.Serialize(plan);

    private void DeleteScratch(string scratch)
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not delete the scratch folder {Folder}: {Reason}", scratch, exception.Message);
        }
    }
}
