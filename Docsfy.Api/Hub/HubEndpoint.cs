using System.Net.WebSockets;
using Docsfy.Api.Auth;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Hub;

/// <summary>
/// <c>/api/ws</c>: authenticates with <c>?token=</c> (admin key or API key) or the <c>docsfy_session</c> cookie, never the
/// Authorization header. A failed authentication is an accepted socket closed with 1008, so browsers see the reason.
/// </summary>
public static class HubEndpoint
{
    public const string Path = "/api/ws";

    /// <summary>
    /// Serves the hub as a branch of the pipeline right after WebSockets are enabled, not as a routed endpoint: a socket
    /// lives for hours, and each middleware it passed through (authentication, authorization, routing, static assets)
    /// would stay suspended on it that long, costing memory per connection for nothing, since the hub authenticates
    /// itself.
    /// </summary>
    public static IApplicationBuilder UseHubBranch(this IApplicationBuilder app) =>
        app.MapWhen(context => context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase),
            hub => hub.Run(HandleAsync));

    private static Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        return HandleAsync(context, services.GetRequiredService<CallerResolver>(), services.GetRequiredService<KeyAuthenticator>(),
            services.GetRequiredService<HubSync>(), services.GetRequiredService<HubConnectionRegistry>(),
            services.GetRequiredService<IOptions<HubOptions>>(), services.GetRequiredService<IOptions<AuthOptions>>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    private static async Task HandleAsync(HttpContext context, CallerResolver callers, KeyAuthenticator keys, HubSync sync,
        HubConnectionRegistry registry, IOptions<HubOptions> options, IOptions<AuthOptions> auth, ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new Http.ApiError("This endpoint speaks WebSocket only."));
            return;
        }

        var logger = loggers.CreateLogger("Docsfy.Api.Hub");
        var (caller, wait) = await AuthenticateAsync(context, callers, keys, auth.Value.AllowedOrigins);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (wait is { } retryAfter)
        {
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation,
                $"Too many failed authentications; try again in {AuthAttempt.Seconds(retryAfter)} seconds");
            return;
        }
        if (caller is null)
        {
            logger.LogInformation("Hub connection refused: authentication failed");
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "Authentication failed");
            return;
        }

        var (current, grants) = await sync.RefreshAccessAsync(caller, context.RequestAborted);
        if (current is null)
        {
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "Authentication failed");
            return;
        }

        var connection = new HubConnection(socket, current, grants, options.Value, logger, context.Abort);
        registry.Add(connection);
        try
        {
            // Registered before the snapshot is taken, so no event falls between the two; it is queued behind the sync.
            var initialSync = await sync.BuildAsync(current, context.RequestAborted);
            logger.LogInformation("Hub connection {ConnectionId} opened for {Username}", connection.Id, current.Username);
            await connection.RunAsync(initialSync, context.RequestAborted);
        }
        finally
        {
            registry.Remove(connection);
            logger.LogInformation("Hub connection {ConnectionId} of {Username} closed with {CloseStatus}", connection.Id,
                connection.Caller.Username, (int)connection.CloseStatus);
        }
    }

    /// <summary>The caller, or null; and a wait when the address is over its limit of failed authentications.</summary>
    private static async Task<(Caller? Caller, TimeSpan? RetryAfter)> AuthenticateAsync(HttpContext context,
        CallerResolver callers, KeyAuthenticator keys, IReadOnlyCollection<string> allowedOrigins)
    {
        var query = context.Request.Query["token"];
        if (query.Count > 0)
        {
            // Several tokens are refused like a wrong one, and counted like one: the client tried.
            var key = await keys.AuthenticateAsync(query.Count == 1 ? query.ToString() : "", Http.ClientAddress.Of(context),
                "token", context.RequestAborted);
            return (key.Caller, key.RetryAfter);
        }
        if (SessionCookie.Read(context.Request) is { } token)
        {
            // A cookie rides along on any cross-site request; only pages of an allowed origin may use it here.
            return (OriginPolicy.IsAllowed(context.Request, allowedOrigins)
                ? await callers.FromSessionAsync(token, context.RequestAborted)
                : null, null);
        }
        return (null, null);
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseAsync(status, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }
}
