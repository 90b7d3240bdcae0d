using Docsfy.Api.Http;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

/// <summary>
/// A browser sends the session cookie with requests from every page of the same site: SameSite=Strict keeps other sites
/// out, but not another port of the same host (any local development server) or a sibling subdomain. Such a page cannot
/// send JSON without a preflight, yet it can post an empty body, which is all that rotating a key, a webhook secret or
/// aborting a run takes. So a request that may change something and rides on the cookie must come from a page of the
/// API's own origin or one in <c>Auth:AllowedOrigins</c>, as a cookie socket must; anything else is refused with 403
/// before an endpoint runs. A request with an <c>Authorization</c> header is authenticated by it, not by the cookie;
/// one without <c>Origin</c> is not a browser page's; webhooks prove themselves by their signature.
/// </summary>
public static class SameOriginCookieWrites
{
    public static IApplicationBuilder UseSameOriginCookieWrites(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsRefused(context, context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.AllowedOrigins))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ApiError(
                    "A page of another origin may not act with your session. Call the API with an API key instead."));
                return;
            }
            await next(context);
        });

    internal static bool IsRefused(HttpContext context, IReadOnlyCollection<string> allowedOrigins)
    {
        var request = context.Request;
        return !IsReadOnly(request.Method)
            && request.Headers.Authorization.Count == 0
            && SessionCookie.Read(request) is not null
            && context.GetEndpoint()?.Metadata.GetMetadata<NotApiAuthenticated>() is null
            && !OriginPolicy.IsAllowed(request, allowedOrigins);
    }

    private static bool IsReadOnly(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
