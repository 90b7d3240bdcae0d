using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Hub;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Projects;

/// <summary>
/// <c>DELETE /api/projects/{name}[/{branch}/{provider}/{model}]</c>. Admins delete any owner's variants and must say
/// whose (<c>?owner=</c>); users delete only their own; viewers are refused by the writer policy. A user who can see
/// another owner's variant through a grant is told 403 (they know it exists); one who cannot see it gets 404.
/// </summary>
public static class ProjectDeleteEndpoints
{
    public static Task<Results<NoContent, JsonHttpResult<ApiError>>> DeleteVariantAsync(
        string name, string branch, string provider, string model, string? owner, ClaimsPrincipal user, ProjectStore store,
        ProjectDeleter deleter, HubNotifier hub, ILogger<ProjectDeleter> logger, CancellationToken cancellationToken) =>
        VariantRoute.CheckVariant(name, branch, provider, model) is { } invalid
            ? Task.FromResult<Results<NoContent, JsonHttpResult<ApiError>>>(invalid)
            : DeleteAsync(new VariantFilter(name, branch, provider, model), owner, Caller.FromPrincipal(user), store, deleter, hub,
                logger, cancellationToken);

    public static Task<Results<NoContent, JsonHttpResult<ApiError>>> DeleteProjectAsync(
        string name, string? owner, ClaimsPrincipal user, ProjectStore store, ProjectDeleter deleter, HubNotifier hub,
        ILogger<ProjectDeleter> logger, CancellationToken cancellationToken) =>
        VariantRoute.CheckName(name) is { } invalid
            ? Task.FromResult<Results<NoContent, JsonHttpResult<ApiError>>>(invalid)
            : DeleteAsync(new VariantFilter(name), owner, Caller.FromPrincipal(user), store, deleter, hub, logger,
                cancellationToken);

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>>> DeleteAsync(
        VariantFilter target, string? owner, Caller caller, ProjectStore store, ProjectDeleter deleter, HubNotifier hub,
        ILogger<ProjectDeleter> logger, CancellationToken cancellationToken)
    {
        if (VariantRoute.CheckOwner(owner) is { } invalidOwner)
        {
            return invalidOwner;
        }
        if (caller.IsAdmin && owner is null)
        {
            return ApiError.BadRequest("Admins must name the owner whose variants to delete: ?owner=<username>.");
        }
        var targetOwner = owner ?? caller.Username;
        var isOwn = string.Equals(targetOwner, caller.Username, StringComparison.OrdinalIgnoreCase);
        if (!caller.IsAdmin && !isOwn)
        {
            return await RefusedAsync(caller, target with { Owner = targetOwner }, store, cancellationToken);
        }

        var outcome = await deleter.DeleteAsync(target.Name!, targetOwner, target.Branch, target.Provider, target.Model,
            cancellationToken);
        switch (outcome.Status)
        {
            case DeletionStatus.NotFound when !caller.IsAdmin:
                // Nothing of their own: tell them whether it is someone else's that they can see, or nothing at all.
                return await RefusedAsync(caller, target, store, cancellationToken);
            case DeletionStatus.NotFound:
                return ApiError.NotFound("Variant not found.");
            case DeletionStatus.Generating:
                return ApiError.Conflict("A run is generating; abort it or wait for it to finish before deleting.");
        }

        logger.LogInformation("{Caller} deleted {Count} variant(s) of {Project} of {Owner}; grants removed: {GrantsRemoved}",
            caller.Username, outcome.VariantCount, target.Name, outcome.Owner, outcome.GrantsRemoved);
        await hub.ProjectChangedAsync(target.Name!, outcome.Owner!, outcome.Grantees ?? []);
        return TypedResults.NoContent();
    }

    private static async Task<JsonHttpResult<ApiError>> RefusedAsync(Caller caller, VariantFilter target, ProjectStore store,
        CancellationToken cancellationToken)
    {
        var visible = await store.FindVisibleAsync(caller, target, VariantOrder.UpdatedDescending, cancellationToken);
        return visible.Count > 0
            ? ApiError.Status(StatusCodes.Status403Forbidden, "You can delete only your own variants.")
            : ApiError.NotFound("Variant not found.");
    }
}
