using System.Text;
using Docsfy.Api.Auth;
using Docsfy.Api.Docs;
using Docsfy.Api.Projects;
using Docsfy.Api.Search;
using Docsfy.Contracts;
using ModelContextProtocol;

namespace Docsfy.Api.Mcp;

/// <summary>
/// Finds the published site an MCP call names and reads text files from it, with exactly <c>/docs</c>'s rules: the
/// variant through <see cref="SiteLocator"/> (the caller's own or the newest visible one unless branch, provider and model
/// name one), the file through <see cref="SiteFileReader"/>, and the same answers when nothing is found.
/// </summary>
public sealed class McpSites(SiteLocator locator, SiteFileReader files)
{
    // Far above any page the worker writes; the bound is on memory per call, the answer itself is windowed.
    private const int MaxFileBytes = 8 * 1024 * 1024;

    public async Task<SiteText> ReadAsync(Caller caller, SiteName site, string path, int offset, CancellationToken cancellationToken)
    {
        var lookup = site.Branch is not null && site.Provider is not null && site.Model is not null
            ? await locator.VariantAsync(caller, site.Project, site.Branch, site.Provider, site.Model, site.Owner, cancellationToken)
            : await locator.NewestAsync(caller, new VariantFilter(site.Project, site.Branch, site.Provider, site.Model, site.Owner),
                cancellationToken);
        if (lookup.Status != SiteLookupStatus.Found)
        {
            throw new McpException(SiteLookupErrors.For(lookup.Status).Value!.Detail);
        }
        var text = await ReadTextAsync(lookup.Run, path, cancellationToken)
            ?? throw new McpException($"This site has no file '{path}'.");
        var window = PageWindow.Of(text, offset)
            ?? throw new McpException($"offset must be from 0 to {Math.Max(0, text.Length - 1)} (the file has {text.Length} characters).");
        var view = lookup.Variant!.View;
        var key = new VariantKey(view.Name, view.Branch, view.AiProvider, view.AiModel, view.Owner);
        return new SiteText(key.Name, key.Branch, key.Provider, key.Model, key.Owner, path, DocsUrls.Of(key, path), window.Offset,
            window.NextOffset, window.TotalChars, window.Content);
    }

    private async Task<string?> ReadTextAsync(Guid run, string path, CancellationToken cancellationToken)
    {
        string? text = null;
        var found = await files.ReadFileAsync(run, path, [], wantContent: true, async (head, content) =>
        {
            if (head.Length > MaxFileBytes)
            {
                throw new McpException($"'{path}' is {head.Length} bytes, more than this tool reads ({MaxFileBytes}).");
            }
            if (content is not null)
            {
                using var reader = new StreamReader(content, Encoding.UTF8);
                text = await reader.ReadToEndAsync(cancellationToken);
            }
        }, cancellationToken);
        return found ? text ?? "" : null;
    }
}
