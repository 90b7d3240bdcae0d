using Microsoft.AspNetCore.Diagnostics;

namespace Docsfy.Api.Http;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// Makes every error the framework produces itself (unknown route, wrong method, bad query binding, an unexpected
    /// exception) answer in the API's <c>{"detail": ...}</c> shape; a browser navigation to an address without a body of
    /// its own (an unknown page) gets <see cref="BrowserErrors"/>' page instead.
    /// </summary>
    public static WebApplication UseJsonErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, detail) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
                OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "The request was cancelled."),
                _ => (StatusCodes.Status500InternalServerError, "Internal server error."),
            };
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new ApiError(detail));
        }));

        app.UseStatusCodePages(async statusContext =>
        {
            var response = statusContext.HttpContext.Response;
            var detail = response.StatusCode switch
            {
                StatusCodes.Status400BadRequest => "Bad request.",
                StatusCodes.Status401Unauthorized => "Not authenticated.",
                StatusCodes.Status403Forbidden => "Forbidden.",
                StatusCodes.Status404NotFound => "Not found.",
                StatusCodes.Status405MethodNotAllowed => "Method not allowed.",
                StatusCodes.Status413PayloadTooLarge => "The request is too large.",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type.",
                _ => $"HTTP {response.StatusCode}.",
            };
            // A browser that opened a wrong address from a link gets a page with a way back, as for a missing docs page.
            await BrowserErrors.WriteAsync(statusContext.HttpContext, ApiError.Status(response.StatusCode, detail));
        });

        return app;
    }
}
