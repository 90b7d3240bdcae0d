using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Docs;

/// <summary>
/// <c>GET /api/projects/{name}[/{branch}/{provider}/{model}]/download</c>: the published site as a <c>.tar.gz</c>. Every
/// check (visibility, a published site with files) happens before the first byte, so errors are ordinary answers: an
/// HTML page for a browser that followed a link, JSON for everyone else.
/// </summary>
public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").RequireAuthorization().WithTags("Sites")
            .ProducesFile("application/gzip")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        projects.MapGet("/{name}/{branch}/{provider}/{model}/download", DownloadVariantAsync)
            .WithSummary("Download a variant's published site").WithDescription("A `.tar.gz`; `?owner=` chooses among owners.");
        projects.MapGet("/{name}/download", DownloadNewestAsync)
            .WithSummary("Download the newest published site of a project").WithDescription("A `.tar.gz`; `?owner=` chooses among owners.");
        return app;
    }

    private static async Task DownloadVariantAsync(HttpContext context, string name, string branch, string provider,
        string model, string? owner, ClaimsPrincipal user, SiteLocator locator, SiteFileReader sites, ILogger<SiteFileReader> logger)
    {
        if ((VariantRoute.CheckVariant(name, branch, provider, model) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            await BrowserErrors.WriteAsync(context, invalid);
            return;
        }
        var lookup = await locator.VariantAsync(Caller.FromPrincipal(user), name, branch, provider, model, owner,
            context.RequestAborted);
        await SendAsync(context, lookup, sites, logger);
    }

    private static async Task DownloadNewestAsync(HttpContext context, string name, string? owner, ClaimsPrincipal user,
        SiteLocator locator, SiteFileReader sites, ILogger<SiteFileReader> logger)
    {
        if ((VariantRoute.CheckName(name) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            await BrowserErrors.WriteAsync(context, invalid);
            return;
        }
        var lookup = await locator.NewestAsync(Caller.FromPrincipal(user), name, owner, context.RequestAborted);
        await SendAsync(context, lookup, sites, logger);
    }

    private static async Task SendAsync(HttpContext context, SiteLookup lookup, SiteFileReader sites, ILogger logger)
    {
        if (lookup.Status != SiteLookupStatus.Found)
        {
            await BrowserErrors.WriteAsync(context, SiteLookupErrors.For(lookup.Status));
            return;
        }
        var run = lookup.Run;
        if (await sites.CountFilesAsync(run, context.RequestAborted) == 0)
        {
            await BrowserErrors.WriteAsync(context, ApiError.NotFound("This variant's site has no files."));
            return;
        }

        var variant = lookup.Variant!.View;
        var folder = ArchiveNames.Folder(variant.Name, variant.Branch, variant.AiProvider, variant.AiModel);
        var response = context.Response;
        response.ContentType = "application/gzip";
        response.Headers.ContentDisposition = $"attachment; filename=\"{folder}.tar.gz\"";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            await SiteArchive.WriteAsync(response.Body, folder,
                each => sites.ForEachFileAsync(run, each, context.RequestAborted), context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && response.HasStarted)
        {
            // The status line is gone; cutting the connection is the only way to tell the client the archive is incomplete.
            logger.LogWarning(exception, "Download of run {Run} failed after it had started", run);
            context.Abort();
        }
    }
}
