using System.Net;
using Docsfy.Api.Auth;

namespace Docsfy.Api.Http;

/// <summary>
/// Errors of pages people open from links (a documentation page, a download): a browser navigation gets a small HTML
/// page saying what happened, with a way back (the dashboard and, inside a site, its start page); every other client
/// gets the API's JSON error. A browser navigation is what <see cref="LoginRedirect"/> takes it to be: it accepts HTML
/// and sent no Authorization header.
/// </summary>
public static class BrowserErrors
{
    public static bool IsBrowserNavigation(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Authorization.Count == 0
        && LoginRedirect.AcceptsHtml(request.Headers.Accept);

    /// <param name="siteStart">The start page of the site the request was inside, when there is one.</param>
    public static async Task WriteAsync(HttpContext context, JsonHttpResult<ApiError> error, string? siteStart = null)
    {
        if (!IsBrowserNavigation(context.Request) || error.Value is not { } value)
        {
            await error.ExecuteAsync(context);
            return;
        }
        var status = error.StatusCode ?? StatusCodes.Status400BadRequest;
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        // The page runs nothing and embeds nothing but the dashboard's stylesheet.
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.WriteAsync(Page(status, value.Detail, siteStart), context.RequestAborted);
        }
    }

    /// <summary>The page: no script, no inline style (the sites' and the dashboard's CSP), every text HTML-encoded.</summary>
    public static string Page(int status, string detail, string? siteStart)
    {
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Page not found",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status409Conflict => "Which one?",
            _ => "This address cannot be used",
        };
        var start = siteStart is null ? "" : $"""
                <li><a href="{WebUtility.HtmlEncode(siteStart)}">Go to the start page of this documentation</a></li>

            """;
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{title} · Docsfy</title>
              <link rel="stylesheet" href="/assets/app.css">
            </head>
            <body>
              <main id="main" class="error-page">
                <h1>{title}</h1>
                <p class="error-detail">{WebUtility.HtmlEncode(detail)}</p>
                <p class="hint">HTTP {status}</p>
                <ul class="error-links">
            {start}    <li><a href="/">Back to the Docsfy dashboard</a></li>
                </ul>
              </main>
            </body>
            </html>
            """;
    }
}
