using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Hub;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Users;

/// <summary>User management, for admins only.</summary>
public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").RequireAuthorization(AuthPolicies.Admin).WithTags("Users");
        users.MapGet("/", ListAsync).WithSummary("List users");
        users.MapPost("/", CreateAsync)
            .WithSummary("Create a user").WithDescription("Answers the new user's API key, shown once.")
            .AcceptsJson<CreateUserRequest>().ProducesApiErrors(StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);
        users.MapDelete("/{username}", DeleteAsync)
            .WithSummary("Delete a user").WithDescription("With their sessions, variants, sites and grants; refused (409) while one of their runs is generating.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        users.MapPatch("/{username}", ChangeRoleAsync)
            .WithSummary("Change a user's role").AcceptsJson<ChangeRoleRequest>().ProducesApiErrors(StatusCodes.Status404NotFound);
        users.MapPost("/{username}/rotate-key", RotateKeyAsync)
            .WithSummary("Give a user a new random API key").WithDescription("Shown once; ends every session and WebSocket of the user.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Ok<UserListResponse>> ListAsync(UserStore users, CancellationToken cancellationToken)
    {
        var all = await users.ListAsync(cancellationToken);
        return TypedResults.Ok(new UserListResponse([.. all.Select(UserResponse.From)]));
    }

    private static async Task<Results<Created<CreatedUserResponse>, JsonHttpResult<ApiError>>> CreateAsync(
        HttpContext context, JsonBody json, UserStore users, CredentialHasher hasher, ILogger<UserStore> logger)
    {
        var body = await json.ReadAsync<CreateUserRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        if (CheckUsername(request.Username) is { } invalid)
        {
            return invalid;
        }
        if (Usernames.IsReserved(request.Username))
        {
            return ApiError.BadRequest("'admin' is reserved for the built-in admin.");
        }
        if (CheckRole(request.Role) is { } badRole)
        {
            return badRole;
        }

        var apiKey = ApiKeys.Generate();
        switch (await users.CreateAsync(request.Username, request.Role, hasher.HashApiKey(apiKey), context.RequestAborted))
        {
            case UserCreation.UsernameTaken:
                return ApiError.Conflict($"User '{request.Username}' already exists.");
            case UserCreation.KeyInUse:
                return ApiError.Status(StatusCodes.Status503ServiceUnavailable, "Could not issue a unique key; try again.");
        }

        logger.LogInformation("{Admin} created user {Username} with role {Role}",
            context.User.Identity?.Name, request.Username, request.Role);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/admin/users/{request.Username}",
            new CreatedUserResponse(request.Username, request.Role, apiKey));
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>>> DeleteAsync(
        string username, HttpContext context, UserStore users, HubNotifier hub, ILogger<UserStore> logger)
    {
        if (CheckUsername(username) is { } invalid)
        {
            return invalid;
        }
        if (IsSelf(context, username))
        {
            return ApiError.BadRequest("You cannot delete yourself.");
        }

        switch (await users.DeleteAsync(username, context.RequestAborted))
        {
            case UserDeletion.NotFound:
                return ApiError.NotFound($"User '{username}' not found.");
            case UserDeletion.RunInProgress:
                return ApiError.Conflict($"A run of '{username}' is generating; abort it or wait for it to finish.");
        }
        logger.LogInformation("{Admin} deleted user {Username}", context.User.Identity?.Name, username);
        await hub.UserCredentialsEndedAsync(username);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserResponse>, JsonHttpResult<ApiError>>> ChangeRoleAsync(
        string username, HttpContext context, JsonBody json, UserStore users, HubNotifier hub, ILogger<UserStore> logger)
    {
        if (CheckUsername(username) is { } invalid)
        {
            return invalid;
        }
        var body = await json.ReadAsync<ChangeRoleRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        if (CheckRole(request.Role) is { } badRole)
        {
            return badRole;
        }
        if (IsSelf(context, username))
        {
            return ApiError.BadRequest("You cannot change your own role.");
        }

        var user = await users.SetRoleAsync(username, request.Role, context.RequestAborted);
        if (user is null)
        {
            return ApiError.NotFound($"User '{username}' not found.");
        }
        logger.LogInformation("{Admin} set the role of {Username} to {Role}", context.User.Identity?.Name, user.Username, user.Role);
        await hub.UserAccessChangedAsync(user.Username);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<Results<Ok<NewKeyResponse>, JsonHttpResult<ApiError>>> RotateKeyAsync(
        string username, HttpContext context, UserStore users, CredentialHasher hasher, HubNotifier hub,
        ILogger<UserStore> logger)
    {
        if (CheckUsername(username) is { } invalid)
        {
            return invalid;
        }
        if (Usernames.IsReserved(username))
        {
            return ApiError.BadRequest("The admin key is set in the server's configuration (ADMIN_KEY) and cannot be rotated here.");
        }

        var user = await users.FindAsync(username, context.RequestAborted);
        if (user is null)
        {
            return ApiError.NotFound($"User '{username}' not found.");
        }
        var result = await KeyRotation.RotateAsync(user.Username, null, users, hasher, context.RequestAborted);
        if (result.Error is { } error)
        {
            return error;
        }
        logger.LogInformation("{Admin} rotated the key of {Username}", context.User.Identity?.Name, user.Username);
        await hub.UserCredentialsEndedAsync(user.Username);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new NewKeyResponse(user.Username, result.NewKey!));
    }

    private static JsonHttpResult<ApiError>? CheckUsername(string username) =>
        Usernames.IsValid(username)
            ? null
            : ApiError.BadRequest("Invalid username: 2-50 characters, letters, digits, '.', '_' or '-', starting with a letter or digit.");

    private static JsonHttpResult<ApiError>? CheckRole(string role) =>
        Roles.IsKnown(role) ? null : ApiError.BadField("role", $"Unknown role; use one of: {string.Join(", ", Roles.All)}.");

    private static bool IsSelf(HttpContext context, string username) =>
        string.Equals(Caller.FromPrincipal(context.User).Username, username, StringComparison.OrdinalIgnoreCase);
}
