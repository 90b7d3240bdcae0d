using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Docsfy.Api.Http;

/// <summary>
/// The size limits of a request's head, enforced by the API so that a refusal has the API's error shape. Kestrel
/// refuses an oversized head itself, before any of the application runs and with an empty body it offers no way to
/// shape; so Kestrel's own limits are set to twice these, and only a head past those still gets Kestrel's bare answer.
/// A malformed request line or header is Kestrel's alone to refuse, for the same reason.
/// </summary>
public static class RequestLimits
{
    /// <summary>The most bytes of header lines (Kestrel's default limit).</summary>
    public const int MaxHeadersBytes = 32 * 1024;

    /// <summary>The most header lines (Kestrel's default limit).</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>The longest request target (Kestrel's default request line limit).</summary>
    public const int MaxTargetLength = 8 * 1024;

    public static IHostApplicationBuilder AddDocsfyRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
            kestrel.Limits.MaxRequestLineSize = 2 * MaxTargetLength;
        });
        return builder;
    }

    /// <summary>Refuses a request whose head is over the limits: 414 for the target, 431 for the headers.</summary>
    public static WebApplication UseDocsfyRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Problem(context) is { } refusal)
            {
                // With a length, not chunked: a client that sent an oversized head may not be reading carefully.
                var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new ApiError(refusal.Detail),
                    System.Text.Json.JsonSerializerOptions.Web);
                context.Response.StatusCode = refusal.Status;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = body.Length;
                context.Response.Headers.Connection = "close";
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
                return;
            }
            await next(context);
        });
        return app;
    }

    internal static (int Status, string Detail)? Problem(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxTargetLength)
        {
            return (StatusCodes.Status414UriTooLong, $"The request target is longer than {MaxTargetLength} bytes.");
        }
        var headers = context.Request.Headers;
        var count = headers.Sum(header => header.Value.Count);
        // As Kestrel counts them: "name: value\r\n" per line.
        var bytes = headers.Sum(header => header.Value.Sum(value => header.Key.Length + (value?.Length ?? 0) + 4));
        if (count > MaxHeaderCount || bytes > MaxHeadersBytes)
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request headers are too large: at most {MaxHeaderCount} headers of {MaxHeadersBytes / 1024} KB in all.");
        }
        return null;
    }
}
