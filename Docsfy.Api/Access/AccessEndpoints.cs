using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Hub;
using Docsfy.Api.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Access;

/// <summary>Sharing a project (name, owner) with other users; admins only.</summary>
public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var access = app.MapGroup("/api/admin/projects/{name}/access").RequireAuthorization(AuthPolicies.Admin)
            .WithTags("Access").ProducesApiErrors(StatusCodes.Status400BadRequest);
        access.MapPost("/", GrantAsync)
            .WithSummary("Share a project with a user")
            .WithDescription("Every variant of the project `name` owned by `owner`, now and later. 201 for a new grant, 200 when it existed.")
            .AcceptsJson<GrantRequest>().ProducesApiErrors(StatusCodes.Status404NotFound);
        access.MapGet("/", ListAsync).WithSummary("List who a project is shared with").WithDescription("`?owner=` is required.");
        access.MapDelete("/{username}", RevokeAsync)
            .WithSummary("Stop sharing a project with a user").WithDescription("`?owner=` is required.")
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<GrantResponse>, Ok<GrantResponse>, JsonHttpResult<ApiError>>> GrantAsync(
        string name, HttpContext context, JsonBody json, AccessStore access, HubNotifier hub, ILogger<AccessStore> logger)
    {
        var body = await json.ReadAsync<GrantRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        if ((CheckProject(name, request.Owner) ?? CheckUsername(request.Username)) is { } invalid)
        {
            return invalid;
        }
        if (string.Equals(request.Username, request.Owner, StringComparison.OrdinalIgnoreCase))
        {
            return ApiError.BadRequest("The owner already sees their own project.");
        }

        var grant = new GrantResponse(name, request.Owner, request.Username);
        switch (await access.GrantAsync(name, request.Owner, request.Username, context.RequestAborted))
        {
            case GrantOutcome.UserNotFound:
                return ApiError.NotFound($"User '{request.Username}' not found.");
            case GrantOutcome.ProjectNotFound:
                return ApiError.NotFound($"Project '{name}' of '{request.Owner}' not found.");
            case GrantOutcome.AlreadyGranted:
                return TypedResults.Ok(grant);
        }
        logger.LogInformation("{Admin} granted {Grantee} access to {Project} of {Owner}",
            context.User.Identity?.Name, request.Username, name, request.Owner);
        await hub.UserAccessChangedAsync(request.Username);
        return TypedResults.Created($"/api/admin/projects/{name}/access?owner={request.Owner}", grant);
    }

    private static async Task<Results<Ok<GrantListResponse>, JsonHttpResult<ApiError>>> ListAsync(
        string name, string? owner, AccessStore access, CancellationToken cancellationToken)
    {
        if (CheckProject(name, owner) is { } invalid)
        {
            return invalid;
        }
        var grantees = await access.ListGranteesAsync(name, owner!, cancellationToken);
        return TypedResults.Ok(new GrantListResponse(name, owner!, grantees));
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>>> RevokeAsync(
        string name, string username, string? owner, HttpContext context, AccessStore access, HubNotifier hub,
        ILogger<AccessStore> logger)
    {
        if ((CheckProject(name, owner) ?? CheckUsername(username)) is { } invalid)
        {
            return invalid;
        }
        if (!await access.RevokeAsync(name, owner!, username, context.RequestAborted))
        {
            return ApiError.NotFound($"'{username}' has no access to '{name}' of '{owner}'.");
        }
        logger.LogInformation("{Admin} revoked access of {Grantee} to {Project} of {Owner}",
            context.User.Identity?.Name, username, name, owner);
        await hub.UserAccessChangedAsync(username);
        return TypedResults.NoContent();
    }

    private static JsonHttpResult<ApiError>? CheckProject(string name, string? owner)
    {
        if (!ProjectNames.IsValidName(name))
        {
            return ApiError.BadRequest("Invalid project name.");
        }
        if (string.IsNullOrEmpty(owner))
        {
            return ApiError.BadRequest("The owner is required (?owner=<username>).");
        }
        return Usernames.IsValid(owner) ? null : ApiError.BadRequest("Invalid owner username.");
    }

    private static JsonHttpResult<ApiError>? CheckUsername(string username) =>
        Usernames.IsValid(username) ? null : ApiError.BadRequest("Invalid username.");
}
