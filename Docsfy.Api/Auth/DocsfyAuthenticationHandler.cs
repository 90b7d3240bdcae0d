using System.Text.Encodings.Web;
using Docsfy.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Auth;

/// <summary>
/// REST authentication: <c>Authorization: Bearer &lt;admin key | API key&gt;</c>, else the <c>docsfy_session</c> cookie.
/// A present but wrong Authorization header fails even if a cookie is also sent: the client said who it is. Keys go
/// through <see cref="KeyAuthenticator"/>, so guessing them is audited and throttled like guessing at the login form;
/// an address over its limit is challenged with 429 instead of 401. An endpoint marked <see cref="ApiKeyOnly"/> ignores
/// the cookie; one marked <see cref="NotApiAuthenticated"/> (webhooks) is not authenticated here at all.
/// </summary>
public sealed class DocsfyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CallerResolver callers,
    KeyAuthenticator keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Docsfy";
    private const string BearerPrefix = "Bearer ";
    private static readonly object RetryAfterItem = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.GetEndpoint()?.Metadata.GetMetadata<NotApiAuthenticated>() is not null)
        {
            return AuthenticateResult.NoResult();
        }
        var authorization = Request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            var header = authorization.ToString();
            if (authorization.Count > 1 || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.Fail("Unsupported Authorization header.");
            }
            var key = await keys.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), ClientAddress.Of(Context), "bearer",
                Context.RequestAborted);
            if (key.RetryAfter is { } wait)
            {
                Context.Items[RetryAfterItem] = wait;
                return AuthenticateResult.Fail("Too many failed authentications.");
            }
            return key.Caller is null ? AuthenticateResult.Fail("Invalid API key.") : Success(key.Caller, "bearer");
        }

        if (Context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyOnly>() is null && SessionCookie.Read(Request) is { } token)
        {
            var caller = await callers.FromSessionAsync(token, Context.RequestAborted);
            return caller is null ? AuthenticateResult.Fail("Session expired or invalid.") : Success(caller, "session");
        }

        return AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is TimeSpan wait)
        {
            await AuthEndpoints.TooManyFailures(Response, wait, "Too many failed authentications from your address")
                .ExecuteAsync(Context);
            return;
        }
        if (LoginRedirect.Applies(Context))
        {
            Response.Redirect(LoginRedirect.Location(Request));
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new ApiError("Not authenticated: log in, or send Authorization: Bearer <API key>."));
    }

    /// <summary>
    /// A signed-in user whose role does not reach an endpoint. A viewer who follows a link to an admin-only address gets
    /// the small HTML page (what happened, the way back to the dashboard); a script keeps the JSON error.
    /// </summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        BrowserErrors.WriteAsync(Context, ApiError.Status(StatusCodes.Status403Forbidden, "Your role does not allow this."));

    private AuthenticateResult Success(Caller caller, string method) =>
        AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(method), SchemeName));
}
