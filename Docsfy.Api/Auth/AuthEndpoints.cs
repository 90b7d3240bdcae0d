using Docsfy.Api.Http;
using Docsfy.Api.Hub;
using Docsfy.Api.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Log in with a username and API key")
            .WithDescription("Sets the `docsfy_session` cookie. Repeated failures from one address or for one username are throttled: 429 with `Retry-After`.")
            .AcceptsJson<LoginRequest>().ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", LogoutAsync).AllowAnonymous()
            .WithSummary("Log out").WithDescription("Ends the cookie's session, if there is one, and clears the cookie.");
        auth.MapGet("/me", Me).RequireAuthorization().WithSummary("Who the caller is");
        auth.MapPost("/rotate-key", RotateKeyAsync).RequireAuthorization()
            .WithSummary("Replace the caller's own API key")
            .WithDescription("A random key, or `new_key` (at least 16 characters) when given; shown once. Ends every session and WebSocket of the caller, this one included. The admin key cannot be rotated here (400).")
            .AcceptsJson<RotateKeyRequest>(isOptional: true).ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<IdentityResponse>, JsonHttpResult<ApiError>>> LoginAsync(
        HttpContext context, JsonBody json, LoginThrottle throttle, CallerResolver callers, AuthAudit audit,
        SessionStore sessions, SessionCookie cookie)
    {
        var body = await json.ReadAsync<LoginRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }

        var address = ClientAddress.Of(context);
        var username = Usernames.IsValid(request.Username) ? request.Username : null;
        var attempt = await throttle.BeginAsync(address, username, AuthAudit.LoginFailed, context.RequestAborted);
        if (attempt.RetryAfter is { } wait)
        {
            audit.Throttled("login", address, wait);
            return TooManyFailures(context.Response, wait, "Too many failed logins");
        }

        var caller = username is null ? null : await AuthenticateAsync(username, request.ApiKey, callers, context.RequestAborted);
        if (caller is null)
        {
            audit.LoginFailure(request.Username, address);
            return ApiError.Status(StatusCodes.Status401Unauthorized, "Invalid username or API key.");
        }

        await audit.SucceededAsync(attempt.AuditId!.Value, caller.Username, address, context.RequestAborted);
        cookie.Set(context.Response, await sessions.CreateAsync(caller, context.RequestAborted));
        return TypedResults.Ok(IdentityResponse.From(caller));
    }

    /// <summary>429 with <c>Retry-After</c>, in the API's error shape.</summary>
    public static JsonHttpResult<ApiError> TooManyFailures(HttpResponse response, TimeSpan wait, string what)
    {
        var seconds = AuthAttempt.Seconds(wait);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiError.Status(StatusCodes.Status429TooManyRequests, $"{what}. Try again in {seconds} seconds.");
    }

    /// <summary>The key decides who it is; the username must merely agree (the admin key only logs in as "admin").</summary>
    private static async Task<Caller?> AuthenticateAsync(string username, string apiKey, CallerResolver callers,
        CancellationToken cancellationToken)
    {
        var caller = await callers.FromApiKeyAsync(apiKey, cancellationToken);
        return caller is not null && string.Equals(caller.Username, username, StringComparison.OrdinalIgnoreCase) ? caller : null;
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, SessionStore sessions, SessionCookie cookie)
    {
        if (SessionCookie.Read(context.Request) is { } token)
        {
            await sessions.DeleteAsync(token, context.RequestAborted);
        }
        cookie.Clear(context.Response);
        return TypedResults.NoContent();
    }

    private static Ok<IdentityResponse> Me(System.Security.Claims.ClaimsPrincipal user) =>
        TypedResults.Ok(IdentityResponse.From(Caller.FromPrincipal(user)));

    private static async Task<Results<Ok<NewKeyResponse>, JsonHttpResult<ApiError>>> RotateKeyAsync(
        HttpContext context, JsonBody json, UserStore users, CredentialHasher hasher, SessionCookie cookie,
        HubNotifier hub)
    {
        var caller = Caller.FromPrincipal(context.User);
        if (caller.IsBuiltInAdmin)
        {
            return ApiError.BadRequest("The admin key is set in the server's configuration (ADMIN_KEY) and cannot be rotated here.");
        }

        string? customKey = null;
        if (HasBody(context.Request))
        {
            var body = await json.ReadAsync<RotateKeyRequest>(context.Request, context.RequestAborted);
            if (body.Value is not { } request)
            {
                return body.Error!;
            }
            customKey = request.NewKey;
        }

        var result = await KeyRotation.RotateAsync(caller.Username, customKey, users, hasher, context.RequestAborted);
        if (result.Error is { } error)
        {
            return error;
        }

        // Rotation ends every session of the user, this browser's included, and every socket opened with the old key.
        await hub.UserCredentialsEndedAsync(caller.Username);
        if (SessionCookie.Read(context.Request) is not null)
        {
            cookie.Clear(context.Response);
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new NewKeyResponse(caller.Username, result.NewKey!));
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && !string.IsNullOrEmpty(request.ContentType));
}
