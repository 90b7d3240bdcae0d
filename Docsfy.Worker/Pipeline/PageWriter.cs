using System.Collections.Concurrent;
using Docsfy.Worker.Ai;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// <c>generating_pages</c>: every page of the plan, up to <c>MAX_CONCURRENT_PAGES</c> at once, each finished page a
/// <c>progress</c> with the rising count. A page whose call fails gets a visible placeholder instead of failing the run.
/// </summary>
public sealed class PageWriter(ILogger<PageWriter> logger)
{
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(RunContext run, DocumentationPlan plan,
        IEnumerable<PlanPage> pages, int alreadyDone, int maxConcurrentPages, CancellationToken cancellationToken)
    {
        var planFile = await WritePlanFileAsync(run, plan, cancellationToken);
        return await ForEachPageAsync(run, pages, alreadyDone, maxConcurrentPages,
            (page, token) => WritePageAsync(run, plan, page, planFile, token), cancellationToken);
    }

    /// <summary>The plan as a scratch file that page prompts name.</summary>
    public static Task<string> WritePlanFileAsync(RunContext run, DocumentationPlan plan, CancellationToken cancellationToken) =>
        run.WriteScratchFileAsync("plan.json", System.Text.Json.JsonSerializer.Serialize(plan), cancellationToken);

    /// <summary>
    /// Produces the given pages, up to <paramref name="maxConcurrentPages"/> at once, reporting the rising count of
    /// finished pages (starting after <paramref name="alreadyDone"/>) as each one completes. Each page written in full is
    /// checkpointed before it is counted, so a later attempt of the run never asks for it again.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ForEachPageAsync(RunContext run, IEnumerable<PlanPage> pages,
        int alreadyDone, int maxConcurrentPages, Func<PlanPage, CancellationToken, Task<string>> produce,
        CancellationToken cancellationToken)
    {
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = alreadyDone;
        await Parallel.ForEachAsync(pages, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, maxConcurrentPages),
            CancellationToken = cancellationToken,
        }, async (page, token) =>
        {
            var markdown = written[page.Slug] = await produce(page, token);
            if (!run.IsPlaceholder(page.Slug))
            {
                await run.Checkpoint.PageAsync(page.Slug, markdown, token);
            }
            await run.Reporter.PagesDoneAsync(Interlocked.Increment(ref done), token);
        });
        return written;
    }

    /// <summary>Writes one page in full; when the AI call fails, the page is a placeholder (and marked as one).</summary>
    public async Task<string> WritePageAsync(RunContext run, DocumentationPlan plan, PlanPage page, string planFile,
        CancellationToken cancellationToken)
    {
        try
        {
            var markdown = await TryWriteAsync(run, plan, page, planFile, avoid: null, cancellationToken);
            run.MarkWritten(page.Slug);
            return markdown;
        }
        catch (AiCallFailedException exception)
        {
            logger.LogWarning("Run {RunId}: page {Slug} failed: {Reason}", run.Command.RunId, page.Slug, exception.Message);
            run.MarkPlaceholder(page.Slug);
            return PageMarkdown.Placeholder(page.Title, exception.Message);
        }
    }

    /// <summary>One page, or <see cref="AiCallFailedException"/>; <paramref name="avoid"/> names invented references.</summary>
    public async Task<string> TryWriteAsync(RunContext run, DocumentationPlan plan, PlanPage page, string planFile,
        IReadOnlyCollection<string>? avoid, CancellationToken cancellationToken)
    {
        var answer = await run.Ai!.AskAsync(Prompts.Page(run, plan, page, planFile, avoid), cancellationToken);
        return PageMarkdown.Clean(answer, page.Title);
    }
}
