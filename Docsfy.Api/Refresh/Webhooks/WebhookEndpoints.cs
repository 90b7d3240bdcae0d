using System.Security.Cryptography;
using System.Text.Json;
using Docsfy.Api.Auth;
using Docsfy.Api.Generation;
using Docsfy.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Refresh.Webhooks;

/// <summary>
/// <c>POST /api/hooks/{webhook_id}</c>: a host's push delivery (docs/design/refresh.md §4). The id only says which
/// project's secret to check against; until the delivery proves that secret, an unknown id and a wrong signature get
/// the same 401 after the same work, so the answer never tells whether a project exists.
/// </summary>
public static class WebhookEndpoints
{
    public const string RoutePrefix = "/api/hooks";

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        // Anonymous to the API's own authentication: a delivery proves the project's webhook secret instead. No declared
        // request body: that would make routing refuse (415) a delivery without a JSON content type before it is verified,
        // and a script's `curl -d` sends form content; the body is read as JSON whatever it is labelled.
        app.MapPost($"{RoutePrefix}/{{webhookId}}", ReceiveAsync).AllowAnonymous()
            .WithMetadata(NotApiAuthenticated.Instance).WithTags("Refresh")
            .WithSummary("A push delivery from a repository host")
            .WithDescription("Signed the host's way with the project's webhook secret (GitHub, GitLab, Gitea/Forgejo, Bitbucket, or `Authorization: Bearer <secret>` with `{\"ref\": \"refs/heads/…\"}`). 401 when it cannot be verified, whether or not the webhook exists; 409 for a delivery seen before; 413 over the size limit.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<Ok<WebhookResponse>, Accepted<WebhookResponse>, JsonHttpResult<ApiError>>> ReceiveAsync(
        string webhookId, HttpContext context, RefreshStore store, WebhookSecrets secrets, RunLifecycle lifecycle,
        IOptions<RefreshOptions> options, ILogger<WebhookResponse> logger)
    {
        var cancellationToken = context.RequestAborted;
        if (!WebhookSecrets.IsWellFormedId(webhookId))
        {
            // Not an id this server could have made: nothing is looked up, so nothing is revealed.
            return ApiError.NotFound("No such webhook.");
        }
        var body = await BoundedBody.ReadAsync(context.Request, options.Value.MaxPayloadBytes, cancellationToken);
        if (body is null)
        {
            return ApiError.Status(StatusCodes.Status413PayloadTooLarge, $"The delivery is larger than {options.Value.MaxPayloadBytes} bytes.");
        }

        var settings = await store.FindByWebhookIdAsync(webhookId, cancellationToken);
        var secret = settings is null ? secrets.Decoy : secrets.SecretOf(settings.WebhookId, settings.SecretNonce);
        var check = WebhookVerifier.Check(context.Request.Headers, body, secret);
        if (settings is null || !check.Verified)
        {
            logger.LogWarning("Refused an unverified {Host} delivery from {Address}", check.Host, ClientAddress.Of(context));
            return ApiError.Status(StatusCodes.Status401Unauthorized,
                "The delivery could not be verified. Check the webhook URL and secret.");
        }

        // Only after the secret is proven: a delivery id nobody verified must not use up a real one. A host that sends no
        // id is identified by the body itself, so the very same push delivered twice runs once.
        var deliveryId = check.DeliveryId ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        if (!await store.RecordDeliveryAsync(settings.Id, deliveryId, cancellationToken))
        {
            logger.LogInformation("Refused a replayed {Host} delivery {DeliveryId} for {Project} of {Owner}", check.Host,
                deliveryId, settings.Project, settings.Owner);
            return ApiError.Conflict("This delivery was received before; a replay changes nothing.");
        }

        if (check.Host == WebhookHost.GitHub && check.Event == "ping")
        {
            return TypedResults.Ok(new WebhookResponse("Verified: the webhook is set up.", []));
        }
        if (!PushPayload.IsPush(check.Host, check.Event))
        {
            return TypedResults.Ok(new WebhookResponse($"Ignored: {check.Event} is not a push.", []));
        }
        if (!settings.OnPush)
        {
            return TypedResults.Ok(new WebhookResponse("Ignored: refresh on push is off for this project.", []));
        }
        IReadOnlyList<string> branches;
        try
        {
            branches = PushPayload.BranchesOf(check.Host, body);
        }
        catch (JsonException)
        {
            return ApiError.BadRequest("The delivery's body is not valid JSON.");
        }

        var runs = new List<WebhookRun>();
        foreach (var branch in branches)
        {
            foreach (var follower in await store.FollowersAsync(settings, branch, cancellationToken))
            {
                runs.Add(await RefreshAsync(lifecycle, follower.Variant, RunTrigger.Push(deliveryId), cancellationToken));
            }
        }
        logger.LogInformation("{Host} push {DeliveryId} to {Branches} of {Project} for {Owner}: {Started} started, {Queued} queued",
            check.Host, deliveryId, branches, settings.Project, settings.Owner, runs.Count(r => r.Result == "started"),
            runs.Count(r => r.Result == "queued"));
        return runs.Count == 0
            ? TypedResults.Ok(new WebhookResponse("Ignored: no variant of this project follows the pushed branch.", []))
            : TypedResults.Accepted((string?)null, new WebhookResponse("Accepted.", runs));
    }

    private static async Task<WebhookRun> RefreshAsync(RunLifecycle lifecycle, Docsfy.Contracts.VariantKey variant, RunTrigger trigger,
        CancellationToken cancellationToken)
    {
        var outcome = await lifecycle.RefreshAsync(variant, trigger, cancellationToken);
        return outcome.Succeeded(out var refreshed, out var refusal)
            ? new WebhookRun(variant.Branch, variant.Provider, variant.Model, refreshed.Queued ? "queued" : "started", refreshed.RunId, null)
            : new WebhookRun(variant.Branch, variant.Provider, variant.Model, "refused", null, refusal.Detail);
    }
}
