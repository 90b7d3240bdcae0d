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
        var planFile = await run.WriteScratchFileAsync("plan.json", System.Text.Json.JsonSerializer.Serialize(plan), cancellationToken);
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = alreadyDone;
        await Parallel.ForEachAsync(pages, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, maxConcurrentPages),
            CancellationToken = cancellationToken,
        }, async (page, token) =>
        {
            written[page.Slug] = await WriteOneAsync(run, plan, page, planFile, avoid: null, token);
            await run.Reporter.PagesDoneAsync(Interlocked.Increment(ref done), token);
        });
        return written;
    }

    private async Task<string> WriteOneAsync(RunContext run, DocumentationPlan plan, PlanPage page, string planFile,
        IReadOnlyCollection<string>? avoid, CancellationToken cancellationToken)
    {
        try
        {
            return await TryWriteAsync(run, plan, page, planFile, avoid, cancellationToken);
        }
        catch (AiCallFailedException exception)
        {
            logger.LogWarning("Run {RunId}: page {Slug} failed: {Reason}", run.Command.RunId, page.Slug, exception.Message);
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
