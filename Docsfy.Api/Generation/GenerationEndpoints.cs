using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Hub;
using Docsfy.Api.Models;
using Docsfy.Api.Projects;
using Docsfy.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Generation;

/// <summary>Starting and aborting runs. Both are for admins and users; viewers only read.</summary>
public static class GenerationEndpoints
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapGenerationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/generate", GenerateAsync).RequireAuthorization(AuthPolicies.Writer);
        app.MapPost("/api/projects/{name}/{branch}/{provider}/{model}/abort", AbortVariantAsync).RequireAuthorization(AuthPolicies.Writer);
        app.MapPost("/api/projects/{name}/abort", AbortByNameAsync).RequireAuthorization(AuthPolicies.Writer);
        return app;
    }

    private static async Task<Results<Accepted<GenerateResponse>, JsonHttpResult<ApiError>>> GenerateAsync(HttpContext context,
        JsonBody json, RunStore runs, HubNotifier hub, ISendEndpointProvider send, IOptions<AiDefaults> defaults,
        IOptions<GenerationOptions> options, ILogger<RunStore> logger)
    {
        var body = await json.ReadAsync<GenerateRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        var caller = Caller.FromPrincipal(context.User);
        var (run, error) = await GenerateValidation.ValidateAsync(request, caller, defaults.Value, options.Value, context.RequestAborted);
        if (run is null)
        {
            return error!;
        }

        var variant = run.Variant;
        if (await runs.StartAsync(variant, run.Source, run.RepoType, run.Force, context.RequestAborted) is not { } started)
        {
            return ApiError.Conflict($"{Describe(variant)} is already generating. Wait for it to finish or abort it.");
        }

        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            var endpoint = await send.GetSendEndpoint(new Uri($"queue:{Queues.Generation}"));
            await endpoint.Send(new GenerateDocumentation(variant, started.RunId, run.RepoUrl, run.RepoPath, run.Force, run.RepoType,
                run.AiCliTimeoutMinutes, started.BaseGenerationId, started.BaseCommitSha, started.BasePlanJson), timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Without the command no worker will ever run it: end it now rather than leave it generating.
            logger.LogError(exception, "Could not send run {RunId} of {Project} to the workers", started.RunId, variant.Name);
            if (await runs.FailAsync(started.RunId, "The run could not be handed to a worker. Try again.", CancellationToken.None) is { } failed)
            {
                await hub.RunEndedAsync(failed);
            }
            return ApiError.Status(StatusCodes.Status503ServiceUnavailable, "The workers cannot be reached right now. Try again.");
        }

        logger.LogInformation("{Owner} started run {RunId} of {Project} ({Branch}, {Provider}/{Model})",
            variant.Owner, started.RunId, variant.Name, variant.Branch, variant.Provider, variant.Model);
        await hub.ProjectChangedAsync(variant.Name, variant.Owner, []);
        return TypedResults.Accepted($"/api/projects/by-id/{started.RunId}", new GenerateResponse(variant.Name,
            "generating", variant.Branch, variant.Provider, variant.Model, variant.Owner, started.RunId));
    }

    private static Task<Results<Ok<AbortResponse>, JsonHttpResult<ApiError>>> AbortVariantAsync(string name, string branch,
        string provider, string model, string? owner, HttpContext context, RunStore runs, ProjectStore projects, HubNotifier hub,
        IBus bus, ILogger<RunStore> logger) =>
        AbortAsync(context, runs, projects, hub, bus, logger, new VariantFilter(name, branch, provider, model, owner));

    private static Task<Results<Ok<AbortResponse>, JsonHttpResult<ApiError>>> AbortByNameAsync(string name, string? owner,
        HttpContext context, RunStore runs, ProjectStore projects, HubNotifier hub, IBus bus, ILogger<RunStore> logger) =>
        AbortAsync(context, runs, projects, hub, bus, logger, new VariantFilter(name, Owner: owner));

    /// <summary>
    /// Users abort their own runs; admins anyone's (<c>?owner=</c> narrows when several owners run the same name).
    /// The API ends the run itself, so the abort holds even if no worker is alive; the workers are told to stop.
    /// </summary>
    private static async Task<Results<Ok<AbortResponse>, JsonHttpResult<ApiError>>> AbortAsync(HttpContext context,
        RunStore runs, ProjectStore projects, HubNotifier hub, IBus bus, ILogger<RunStore> logger, VariantFilter target)
    {
        var caller = Caller.FromPrincipal(context.User);
        var name = target.Name!;
        var ownerFilter = caller.IsAdmin ? target.Owner : caller.Username;
        var running = await runs.FindRunningAsync(name, target.Branch, target.Provider, target.Model, ownerFilter,
            context.RequestAborted);
        if (running.Count == 0)
        {
            // As for deleting: someone else's run the caller sees through a grant is refused (403); one they cannot see
            // does not exist for them (404).
            IReadOnlyList<VariantMatch> visible = caller.IsAdmin
                ? []
                : await projects.FindVisibleAsync(caller, target, VariantOrder.UpdatedDescending, context.RequestAborted);
            return visible.Any(v => v.View.Status == VariantStatus.Generating)
                ? ApiError.Status(StatusCodes.Status403Forbidden, "You can abort only your own runs.")
                : ApiError.NotFound($"No running generation of '{name}' that you may abort.");
        }
        if (running.Count > 1)
        {
            return ApiError.Conflict($"{running.Count} runs of '{name}' are generating: "
                + string.Join(", ", running.Select(Describe)) + ". Abort one by branch, provider and model"
                + (caller.IsAdmin ? " (and ?owner=)." : "."));
        }

        var variant = running[0];
        if (await runs.AbortAsync(variant, caller.Username, context.RequestAborted) is not { } aborted)
        {
            return ApiError.Conflict($"{Describe(variant)} finished before it could be aborted.");
        }
        logger.LogInformation("{Caller} aborted run {RunId} of {Project}", caller.Username, aborted.RunId, variant.Name);
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            await bus.Publish(new AbortGeneration(aborted.RunId), timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The run is already aborted for everyone; a worker still on it stops at its next heartbeat check.
            logger.LogWarning(exception, "Could not tell the workers to stop run {RunId}", aborted.RunId);
        }
        await hub.RunEndedAsync(aborted);
        return TypedResults.Ok(new AbortResponse(variant.Name, variant.Branch, variant.Provider, variant.Model, variant.Owner,
            aborted.Status, aborted.RunId));
    }

    private static string Describe(VariantKey variant) =>
        $"'{variant.Name}' ({variant.Branch}, {variant.Provider}/{variant.Model}, owner {variant.Owner})";
}

public sealed record AbortResponse(string Project, string Branch, string AiProvider, string AiModel, string Owner, string Status,
    Guid GenerationId);
