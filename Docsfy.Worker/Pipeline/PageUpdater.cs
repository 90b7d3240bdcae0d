using Docsfy.Worker.Ai;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.CrossLinking;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// Targeted page updates in an incremental run: each page the incremental planner chose is given to the AI with its
/// previous text and the part of the diff that concerns it. The AI answers with exact replacements (applied only when
/// each old text occurs exactly once and no two overlap) or a whole new page; anything else, or a failed call, and the
/// page is written in full. The "Related pages" section is the linker's, so the AI sees and edits the page without it.
/// </summary>
public sealed class PageUpdater(PageWriter writer, ILogger<PageUpdater> logger)
{
    public async Task<IReadOnlyDictionary<string, string>> UpdateAsync(RunContext run, DocumentationPlan plan,
        IReadOnlyList<PlanPage> pages, IReadOnlyDictionary<string, string> previous, RepositoryDiff diff, int alreadyDone,
        int maxConcurrentPages, CancellationToken cancellationToken)
    {
        var planFile = await PageWriter.WritePlanFileAsync(run, plan, cancellationToken);
        return await PageWriter.ForEachPageAsync(run, pages, alreadyDone, maxConcurrentPages, async (page, token) =>
            previous.TryGetValue(page.Slug, out var earlier)
                ? await UpdateOneAsync(run, plan, page, CrossLinker.WithoutRelatedPages(earlier), diff, planFile, token)
                : await writer.WritePageAsync(run, plan, page, planFile, token),
            cancellationToken);
    }

    private async Task<string> UpdateOneAsync(RunContext run, DocumentationPlan plan, PlanPage page, string earlier,
        RepositoryDiff diff, string planFile, CancellationToken cancellationToken)
    {
        string answer;
        try
        {
            var relevant = diff.PatchRelevantTo(earlier);
            var pageFile = await run.WriteScratchFileAsync($"previous-{page.Slug}.md", earlier, cancellationToken);
            var diffFile = await run.WriteScratchFileAsync($"changes-{page.Slug}.diff", relevant, cancellationToken);
            answer = await run.Ai!.AskAsync(Prompts.UpdatePage(page, pageFile, diffFile, relevant), cancellationToken);
        }
        catch (AiCallFailedException exception)
        {
            logger.LogWarning("Run {RunId}: updating {Slug} failed, writing it in full: {Reason}",
                run.Command.RunId, page.Slug, exception.Message);
            return await writer.WritePageAsync(run, plan, page, planFile, cancellationToken);
        }

        if (TextEdits.Parse(answer, out var malformed) is { } edits)
        {
            if (!malformed && TextEdits.TryApply(earlier, edits) is { } edited && PageMarkdown.IsWholePage(edited))
            {
                logger.LogInformation("Run {RunId}: page {Slug} updated with {Count} edits", run.Command.RunId, page.Slug, edits.Count);
                run.MarkWritten(page.Slug);
                return edited;
            }
            logger.LogInformation("Run {RunId}: the edits for {Slug} did not apply cleanly; writing it in full",
                run.Command.RunId, page.Slug);
            return await writer.WritePageAsync(run, plan, page, planFile, cancellationToken);
        }
        if (PageMarkdown.LooksLikePage(answer))
        {
            run.MarkWritten(page.Slug);
            return PageMarkdown.Clean(answer, page.Title);
        }
        logger.LogInformation("Run {RunId}: the update of {Slug} was neither edits nor a page; writing it in full",
            run.Command.RunId, page.Slug);
        return await writer.WritePageAsync(run, plan, page, planFile, cancellationToken);
    }
}
