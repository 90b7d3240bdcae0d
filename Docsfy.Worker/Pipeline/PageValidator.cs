using Docsfy.Worker.Ai;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// <c>validating</c>: the AI checks each new page for things the repository does not contain; a flagged page is written
/// once more with those references excluded. Anything failing here is logged and the page kept as it was.
/// </summary>
public sealed class PageValidator(PageWriter writer, ILogger<PageValidator> logger)
{
    private const int MaxFlagged = 50;

    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(RunContext run, DocumentationPlan plan,
        IReadOnlyDictionary<string, string> pages, int maxConcurrentPages, CancellationToken cancellationToken)
    {
        var planFile = Path.Combine(run.ScratchDirectory, "plan.json");
        var result = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(pages, StringComparer.Ordinal);
        var bySlug = plan.Pages.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        await Parallel.ForEachAsync(pages, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, maxConcurrentPages),
            CancellationToken = cancellationToken,
        }, async (entry, token) =>
        {
            if (!bySlug.TryGetValue(entry.Key, out var page) || run.IsPlaceholder(entry.Key))
            {
                return;
            }
            try
            {
                var pageFile = await run.WriteScratchFileAsync($"page-{page.Slug}.md", entry.Value, token);
                var answer = await run.Ai!.AskAsync(Prompts.Validate(page, pageFile, entry.Value), token);
                if (AnswerShapes.StringArray(answer) is not { Count: > 0 } invented)
                {
                    return;
                }
                var avoid = invented.Take(MaxFlagged).ToList();
                logger.LogInformation("Run {RunId}: page {Slug} mentions {Count} things the repository lacks; rewriting it",
                    run.Command.RunId, page.Slug, avoid.Count);
                result[page.Slug] = await writer.TryWriteAsync(run, plan, page, planFile, avoid, token);
            }
            catch (AiCallFailedException exception)
            {
                logger.LogWarning("Run {RunId}: validating {Slug} failed, keeping the page: {Reason}",
                    run.Command.RunId, page.Slug, exception.Message);
            }
        });
        return result;
    }
}
