using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Docsfy.Api.Refresh.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Refresh;

/// <summary>
/// A project's refresh settings (docs/design/refresh.md §2): its owner's and admins' alone. A grantee who sees the project
/// is refused (403); anyone else learns nothing of it (404, as for every project they cannot see).
/// </summary>
public static class RefreshEndpoints
{
    public static IEndpointRouteBuilder MapRefreshApi(this IEndpointRouteBuilder app)
    {
        var refresh = app.MapGroup("/api/projects/{name}/refresh").RequireAuthorization().WithTags("Refresh");
        refresh.MapGet("/", GetAsync)
            .WithSummary("A project's refresh settings")
            .WithDescription("The owner's or an admin's (`?owner=` names another user's project); a grantee is refused (403). `webhook_url` is null until settings are first saved; the secret is never shown here.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        refresh.MapPut("/", PutAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithSummary("Set a project's refresh settings")
            .WithDescription("Every field each time. The first PUT creates the project's webhook: its answer holds `webhook_secret`, shown this once.")
            .AcceptsJson<RefreshSettingsRequest>().ProducesApiErrors(StatusCodes.Status404NotFound);
        refresh.MapPost("/rotate-secret", RotateSecretAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithSummary("Give a project's webhook a new secret")
            .WithDescription("The webhook URL stays; the answer holds the new `webhook_secret`, shown this once. 409 before the first PUT.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        app.MapWebhooks();
        return app;
    }

    private static async Task<Results<Ok<RefreshSettingsResponse>, JsonHttpResult<ApiError>>> GetAsync(string name,
        string? owner, HttpContext context, ProjectStore projects, RefreshStore store, IOptions<RefreshOptions> options)
    {
        var project = await ProjectOfAsync(name, owner, context.User, projects, context.RequestAborted);
        if (project.Error is { } error)
        {
            return error;
        }
        var settings = await store.FindAsync(name, project.Owner, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(settings is null
            ? new RefreshSettingsResponse(name, project.Owner, null, false, RefreshSettingsResponse.AllVariants, null, null, null, null, null,
                options.Value.MinimumIntervalMinutes, RefreshOptions.MaximumIntervalMinutes)
            : Describe(settings, context.Request, options.Value, secret: null));
    }

    private static async Task<Results<Ok<RefreshSettingsResponse>, JsonHttpResult<ApiError>>> PutAsync(string name,
        string? owner, HttpContext context, JsonBody json, ProjectStore projects, RefreshStore store, WebhookSecrets secrets,
        IOptions<RefreshOptions> options, ILogger<RefreshSettings> logger)
    {
        var project = await ProjectOfAsync(name, owner, context.User, projects, context.RequestAborted);
        if (project.Error is { } error)
        {
            return error;
        }
        var body = await json.ReadAsync<RefreshSettingsRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        var (variants, invalid) = RefreshSettingsValidation.Validate(request, options.Value, project.Variants);
        if (invalid is not null)
        {
            return invalid;
        }
        var (settings, created) = await store.SaveAsync(name, project.Owner, request.IntervalMinutes, request.OnPush, variants,
            options.Value.IntervalUnit, context.RequestAborted);
        logger.LogInformation("{Caller} set refresh of {Project} for {Owner}: every {Interval} min, on push {OnPush}",
            Caller.FromPrincipal(context.User).Username, name, project.Owner, request.IntervalMinutes, request.OnPush);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(Describe(settings, context.Request, options.Value,
            created ? secrets.SecretOf(settings.WebhookId, settings.SecretNonce) : null));
    }

    private static async Task<Results<Ok<RefreshSettingsResponse>, JsonHttpResult<ApiError>>> RotateSecretAsync(string name,
        string? owner, HttpContext context, ProjectStore projects, RefreshStore store, WebhookSecrets secrets,
        IOptions<RefreshOptions> options, ILogger<RefreshSettings> logger)
    {
        var project = await ProjectOfAsync(name, owner, context.User, projects, context.RequestAborted);
        if (project.Error is { } error)
        {
            return error;
        }
        if (await store.RotateSecretAsync(name, project.Owner, context.RequestAborted) is not { } settings)
        {
            return ApiError.Conflict($"Project '{name}' has no refresh settings yet: PUT them first, which creates its webhook secret.");
        }
        logger.LogInformation("{Caller} rotated the webhook secret of {Project} for {Owner}",
            Caller.FromPrincipal(context.User).Username, name, project.Owner);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(Describe(settings, context.Request, options.Value, secrets.SecretOf(settings.WebhookId, settings.SecretNonce)));
    }

    /// <summary>
    /// The project (name, owner) the caller may manage: the owner as its variants spell it and its variants as
    /// <c>branch/provider/model</c>, or the error. Without <c>?owner=</c> it is the caller's own project.
    /// </summary>
    private static async Task<(string Owner, IReadOnlySet<string> Variants, JsonHttpResult<ApiError>? Error)> ProjectOfAsync(
        string name, string? owner, ClaimsPrincipal user, ProjectStore projects, CancellationToken cancellationToken)
    {
        if ((VariantRoute.CheckName(name) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            return ("", new HashSet<string>(), invalid);
        }
        var caller = Caller.FromPrincipal(user);
        var visible = await projects.FindVisibleAsync(caller, new VariantFilter(Name: name, Owner: owner ?? caller.Username),
            VariantOrder.UpdatedDescending, cancellationToken);
        if (visible.Count == 0)
        {
            return ("", new HashSet<string>(), ApiError.NotFound($"Project '{name}' not found."));
        }
        var storedOwner = visible[0].View.Owner;
        if (!caller.IsAdmin && !string.Equals(storedOwner, caller.Username, StringComparison.OrdinalIgnoreCase))
        {
            return ("", new HashSet<string>(), ApiError.Status(StatusCodes.Status403Forbidden,
                "Only the project's owner or an admin may see or change its refresh settings."));
        }
        return (storedOwner, visible.Select(v => $"{v.View.Branch}/{v.View.AiProvider}/{v.View.AiModel}").ToHashSet(StringComparer.Ordinal), null);
    }

    private static RefreshSettingsResponse Describe(RefreshSettings settings, HttpRequest request, RefreshOptions options,
        string? secret)
    {
        var baseUrl = options.PublicBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new RefreshSettingsResponse(settings.Project, settings.Owner, settings.IntervalMinutes, settings.OnPush,
            settings.Variants is { } chosen ? chosen : RefreshSettingsResponse.AllVariants,
            $"{baseUrl}{WebhookEndpoints.RoutePrefix}/{settings.WebhookId}", secret, Timestamps.Format(settings.SecretRotatedAt),
            Timestamps.Format(settings.NextCheckAt), Timestamps.Format(settings.LastCheckedAt), options.MinimumIntervalMinutes,
            RefreshOptions.MaximumIntervalMinutes);
    }
}
