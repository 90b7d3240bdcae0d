using System.Text.Json;
using Docsfy.Worker.Ai;
using Docsfy.Worker.CrossLinking;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// <c>cross_linking</c>: deterministic fixes on every page (links to unknown pages dropped, "See Title" linked), then,
/// with an AI, one call choosing each page's related pages. A failed AI pass is logged and skipped. An incremental run
/// passes the related pages its rewritten pages had before, and makes no call: the plan, and so the choice, is unchanged.
/// </summary>
public sealed class Linker(ILogger<Linker> logger)
{
    public async Task<IReadOnlyDictionary<string, string>> LinkAsync(RunContext run, DocumentationPlan plan,
        IReadOnlyDictionary<string, string> pages, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? keptRelated = null)
    {
        var related = keptRelated ?? (run.Ai is null ? null : await RelatedPagesAsync(run, plan, cancellationToken));
        var linker = new CrossLinker(plan);
        var linked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slug, markdown) in pages)
        {
            var fixedLinks = linker.Link(slug, markdown);
            linked[slug] = related is not null && related.TryGetValue(slug, out var others)
                ? linker.AppendRelatedPages(slug, fixedLinks, others)
                : fixedLinks;
        }
        return linked;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> RelatedPagesAsync(RunContext run, DocumentationPlan plan,
        CancellationToken cancellationToken)
    {
        try
        {
            var manifest = JsonSerializer.Serialize(plan.Pages.Select(p => new { p.Slug, p.Title, p.Description }));
            var manifestFile = await run.WriteScratchFileAsync("pages.json", manifest, cancellationToken);
            var answer = await run.Ai!.AskAsync(Prompts.RelatedPages(plan, manifestFile), cancellationToken);
            return AnswerShapes.SlugMap(answer)?.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Value,
                StringComparer.Ordinal);
        }
        catch (AiCallFailedException exception)
        {
            logger.LogWarning("Run {RunId}: choosing related pages failed, skipping: {Reason}", run.Command.RunId, exception.Message);
            return null;
        }
    }
}
