using Docsfy.Api.Projects;
using Docsfy.Api.Search;
using Docsfy.Contracts;

namespace Docsfy.Api.Mcp;

/// <summary>A variant as the MCP tools describe it: what it is, how its last run went, and where its site is served.</summary>
/// <param name="DocsUrl">The published site's start page (relative to the server), null until a run has been published.</param>
public sealed record McpVariant(
    string Project, string Branch, string Provider, string Model, string Owner, string Status, string? CurrentStage,
    int PageCount, string? LastGenerated, string? ErrorMessage, Guid GenerationId, bool HasSite, string? DocsUrl)
{
    public static McpVariant From(VariantMatch match)
    {
        var view = match.View;
        var key = new VariantKey(view.Name, view.Branch, view.AiProvider, view.AiModel, view.Owner);
        var published = match.PublishedRunId is not null;
        return new McpVariant(view.Name, view.Branch, view.AiProvider, view.AiModel, view.Owner, view.Status, view.CurrentStage,
            view.PageCount, view.LastGenerated, view.ErrorMessage, view.RunId, published, published ? DocsUrls.Of(key, "") : null);
    }
}
