using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Workers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Projects;

/// <summary>
/// Reading variants. Every lookup goes through <see cref="ProjectStore.FindVisibleAsync"/>, so what the caller may not
/// see answers 404 exactly like what does not exist.
/// </summary>
public static class ProjectsEndpoints
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").RequireAuthorization().WithTags("Projects");
        projects.MapGet("/", ListAsync)
            .WithSummary("Every variant the caller may see")
            .WithDescription("With `known_models` (ready models by provider) and `known_branches` (ready branches by project); the same body as the WebSocket's `sync`.");
        projects.MapGet("/{name}", GetProjectAsync)
            .WithSummary("Every variant of one project the caller may see").WithDescription("Newest first; `?owner=` narrows to one owner.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        projects.MapGet("/by-id/{generationId}", GetByIdAsync)
            .WithSummary("One variant by its generation id").WithDescription("With `ai_usage`. A value that is not a UUID is 404, like an unknown id.")
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        projects.MapGet("/{name}/{branch}/{provider}/{model}", GetVariantAsync)
            .WithSummary("One variant").WithDescription("With `ai_usage`. When several owners have it, `?owner=` chooses (else 409).")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        projects.MapDelete("/{name}/{branch}/{provider}/{model}", ProjectDeleteEndpoints.DeleteVariantAsync)
            .RequireAuthorization(AuthPolicies.Writer)
            .WithSummary("Delete one variant and its site")
            .WithDescription("Users delete their own; admins name the owner (`?owner=`). Refused while it is generating (409).")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        projects.MapDelete("/{name}", ProjectDeleteEndpoints.DeleteProjectAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithSummary("Delete every variant of a project of one owner")
            .WithDescription("Users delete their own; admins name the owner (`?owner=`). Refused while one is generating (409).")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary><c>{projects, known_models, known_branches}</c>, the same body as the hub's <c>sync</c> without its type.</summary>
    private static async Task<Ok<ProjectSnapshot>> ListAsync(ClaimsPrincipal user, ProjectStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.SnapshotAsync(Caller.FromPrincipal(user), cancellationToken));

    private static async Task<Results<Ok<ProjectResponse>, JsonHttpResult<ApiError>>> GetProjectAsync(
        string name, string? owner, ClaimsPrincipal user, ProjectStore store, WorkerRegistry workers, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if ((VariantRoute.CheckName(name) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            return invalid;
        }
        var variants = await store.FindVisibleAsync(Caller.FromPrincipal(user), new VariantFilter(Name: name, Owner: owner),
            VariantOrder.UpdatedDescending, cancellationToken);
        return variants.Count == 0
            ? ApiError.NotFound($"Project '{name}' not found.")
            : TypedResults.Ok(new ProjectResponse(name, [.. variants.Select(v => WithQueue(v.View, workers, time))]));
    }

    /// <summary>A value that is not a UUID names no variant: 404, like an unknown one.</summary>
    private static async Task<Results<Ok<VariantView>, JsonHttpResult<ApiError>>> GetByIdAsync(
        string generationId, ClaimsPrincipal user, ProjectStore store, WorkerRegistry workers, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(generationId, out var id))
        {
            return ApiError.NotFound("Variant not found.");
        }
        var variants = await store.FindVisibleAsync(Caller.FromPrincipal(user), new VariantFilter(RunId: id),
            VariantOrder.UpdatedDescending, cancellationToken);
        return variants.Count == 0 ? ApiError.NotFound("Variant not found.") : TypedResults.Ok(WithQueue(variants[0].View, workers, time));
    }

    private static async Task<Results<Ok<VariantView>, JsonHttpResult<ApiError>>> GetVariantAsync(
        string name, string branch, string provider, string model, string? owner, ClaimsPrincipal user, ProjectStore store,
        WorkerRegistry workers, TimeProvider time, CancellationToken cancellationToken)
    {
        if ((VariantRoute.CheckVariant(name, branch, provider, model) ?? VariantRoute.CheckOwner(owner)) is { } invalid)
        {
            return invalid;
        }
        var caller = Caller.FromPrincipal(user);
        var candidates = await store.FindVisibleAsync(caller, new VariantFilter(name, branch, provider, model, owner),
            VariantOrder.UpdatedDescending, cancellationToken);
        var pick = VariantResolution.Pick(caller, candidates);
        return pick.Status switch
        {
            VariantPickStatus.Found => TypedResults.Ok(WithQueue(pick.Match!.View, workers, time)),
            VariantPickStatus.Ambiguous => AmbiguousOwner(),
            _ => ApiError.NotFound("Variant not found."),
        };
    }

    private static VariantView WithQueue(VariantView view, WorkerRegistry workers, TimeProvider time) =>
        view with { WaitingForWorker = WaitingForWorker.Of(view, workers, time.GetUtcNow()) };

    public static JsonHttpResult<ApiError> AmbiguousOwner() =>
        ApiError.Conflict("Several owners have this variant; pass ?owner=<username> to choose one.");
}
