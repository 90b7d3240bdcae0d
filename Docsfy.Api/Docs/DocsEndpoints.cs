using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Microsoft.AspNetCore.Http.Extensions;

namespace Docsfy.Api.Docs;

/// <summary>
/// Serves generated sites: <c>/docs/{name}/{branch}/{provider}/{model}/{path}</c> for one variant and
/// <c>/docs/{name}/{path}</c> for the newest one (see <see cref="SiteLocator.NewestAsync"/>). The longer route wins when
/// its segments name a visible variant; otherwise they are read as a path inside the newest site, so a site's nested
/// files (<c>/docs/x/assets/css/site.css</c>) are not mistaken for a variant.
/// </summary>
public static class DocsEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDocs(this IEndpointRouteBuilder app)
    {
        var docs = app.MapGroup("/docs").RequireAuthorization().RedirectsToLogin().WithTags("Sites")
            .ProducesFile("text/html", "text/css", "text/javascript", "text/markdown", "text/plain", "application/json")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified),
                new ProducesResponseTypeMetadata(StatusCodes.Status302Found))
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        docs.MapMethods("/{name}/{branch}/{provider}/{model}/{**path}", GetAndHead, ServeVariantAsync)
            .WithSummary("A file of a variant's published site")
            .WithDescription("A browser without a session is sent to `/login`; for a browser, errors are HTML pages. `ETag` and `If-None-Match` are honoured.");
        docs.MapMethods("/{name}/{**path}", GetAndHead, ServeNewestAsync)
            .WithSummary("A file of the newest published site of a project")
            .WithDescription("Segments that name no visible variant are read as a path inside the newest site. A browser without a session is sent to `/login`.");
        return app;
    }

    private static async Task ServeVariantAsync(HttpContext context, string name, string branch, string provider, string model,
        string? path, string? owner, SiteLocator locator, SiteFileReader sites)
    {
        SiteHeaders.ApplySecurity(context.Response);
        if (!VariantRoute.IsValidVariant(name, branch, provider, model) || VariantRoute.CheckOwner(owner) is not null)
        {
            await ServeNewestAsync(context, name, JoinPath(context, [branch, provider, model], path), owner, locator, sites);
            return;
        }
        var caller = Caller.FromPrincipal(context.User);
        var lookup = await locator.VariantAsync(caller, name, branch, provider, model, owner, context.RequestAborted);
        if (lookup.Status == SiteLookupStatus.NotFound)
        {
            await ServeNewestAsync(context, name, JoinPath(context, [branch, provider, model], path), owner, locator, sites);
            return;
        }
        await ServeLookupAsync(context, lookup, path, sites);
    }

    private static async Task ServeNewestAsync(HttpContext context, string name, string? path, string? owner,
        SiteLocator locator, SiteFileReader sites)
    {
        SiteHeaders.ApplySecurity(context.Response);
        if (!ProjectNames.IsValidName(name))
        {
            await BrowserErrors.WriteAsync(context, SiteLookupErrors.For(SiteLookupStatus.NotFound));
            return;
        }
        if (VariantRoute.CheckOwner(owner) is { } invalidOwner)
        {
            await BrowserErrors.WriteAsync(context, invalidOwner);
            return;
        }
        var lookup = await locator.NewestAsync(Caller.FromPrincipal(context.User), name, owner, context.RequestAborted);
        await ServeLookupAsync(context, lookup, path, sites);
    }

    private static async Task ServeLookupAsync(HttpContext context, SiteLookup lookup, string? path, SiteFileReader sites)
    {
        if (lookup.Status != SiteLookupStatus.Found)
        {
            await BrowserErrors.WriteAsync(context, SiteLookupErrors.For(lookup.Status));
            return;
        }
        // A site's root must end in '/', or the relative links of its index page would resolve one level too high.
        if (string.IsNullOrEmpty(path) && !context.Request.Path.Value!.EndsWith('/'))
        {
            var request = context.Request;
            context.Response.Redirect(UriHelper.BuildRelative(request.PathBase, request.Path.Add("/"), request.QueryString));
            return;
        }
        var file = SitePaths.Normalize(path);
        var start = SiteStart(context.Request, path);
        if (file is null)
        {
            await BrowserErrors.WriteAsync(context, ApiError.BadRequest("This is not a valid path of a documentation page."), start);
            return;
        }
        await SiteFileResponder.RespondAsync(context, sites, lookup.Run, file, start);
    }

    /// <summary>The site's start page: the request's path without the path inside the site, with its query (<c>?owner=</c>).</summary>
    private static string SiteStart(HttpRequest request, string? path)
    {
        var full = request.Path.Value!;
        var root = !string.IsNullOrEmpty(path) && full.EndsWith(path, StringComparison.Ordinal) ? full[..^path.Length] : full;
        return UriHelper.BuildRelative(request.PathBase, new PathString(root), request.QueryString);
    }

    /// <summary>The variant segments read back as the start of a path inside the newest site.</summary>
    private static string JoinPath(HttpContext context, string[] segments, string? rest)
    {
        var head = string.Join('/', segments);
        if (!string.IsNullOrEmpty(rest))
        {
            return $"{head}/{rest}";
        }
        return context.Request.Path.Value!.EndsWith('/') ? head + "/" : head;
    }
}
