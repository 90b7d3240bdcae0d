using Docsfy.Api.Http;

namespace Docsfy.Api.Docs;

/// <summary>Writes one site file: stored content type, strong ETag and 304 on a match, body streamed from the row.</summary>
public static class SiteFileResponder
{
    /// <param name="siteStart">The site's start page, offered on the page a browser gets for a missing file.</param>
    public static async Task RespondAsync(HttpContext context, SiteFileReader sites, Guid run, string path, string siteStart)
    {
        var request = context.Request;
        var response = context.Response;
        var (anyTag, knownDigests) = ETags.ParseIfNoneMatch(request.Headers.IfNoneMatch);
        var isHead = HttpMethods.IsHead(request.Method);

        var found = await sites.ReadFileAsync(run, path, knownDigests, wantContent: !isHead && !anyTag, async (head, content) =>
        {
            response.Headers.CacheControl = SiteHeaders.CacheControl;
            var etag = ETags.For(head.Sha256);
            if (etag is not null)
            {
                response.Headers.ETag = etag;
            }
            if (anyTag || (etag is not null && knownDigests.Contains(head.Sha256.ToLowerInvariant())))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = SiteHeaders.SafeContentType(head.ContentType);
            SiteHeaders.ApplyForContent(response, response.ContentType);
            response.ContentLength = head.Length;
            if (content is not null)
            {
                await content.CopyToAsync(response.Body, context.RequestAborted);
            }
        }, context.RequestAborted);

        if (!found)
        {
            await BrowserErrors.WriteAsync(context, ApiError.NotFound("This documentation has no page at this address."), siteStart);
        }
    }
}
