using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Docsfy.Api.Users;
using Docsfy.Credentials;

namespace Docsfy.Api.Credentials;

/// <summary>
/// A private repository's credentials (docs/design/refresh.md §8): write-only, the owner's and admins' alone. Anyone
/// else, a grantee who reads the docs included, gets the 404 of a project they cannot see: a grantee must not even learn
/// whether credentials are set.
/// </summary>
public static class CredentialsEndpoints
{
    /// <summary>Credentials a user may hold for projects of theirs that have not run yet.</summary>
    public const int MaxAwaitingFirstRun = 20;

    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var credentials = app.MapGroup("/api/projects/{name}/credentials").RequireAuthorization().WithTags("Credentials");
        credentials.MapGet("/", GetAsync)
            .WithSummary("What is set of a project's repository credentials")
            .WithDescription("Kind, username (for a token), when they were set and a fingerprint: never the secret. The owner's or an admin's (`?owner=` names another user's project); 404 when none are set.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        credentials.MapPut("/", PutAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithSummary("Set a project's repository credentials")
            .WithDescription("`{\"kind\":\"https_token\",\"username\":…,\"token\":…}` or `{\"kind\":\"ssh_key\",\"private_key\":…,\"known_hosts\":…}` (an unencrypted OpenSSH key). Replaces any set before; stored encrypted, used only to clone and to check branch heads, never shown again. A project of your own may be given credentials before its first run (at most 20 such projects at a time: 409).")
            .AcceptsJson<CredentialsRequest>()
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        credentials.MapDelete("/", DeleteAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithSummary("Remove a project's repository credentials")
            .WithDescription("Later clones go without credentials. 404 when none are set.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<CredentialsResponse>, JsonHttpResult<ApiError>>> GetAsync(string name, string? owner,
        HttpContext context, ProjectStore projects, UserStore users, CredentialStore store)
    {
        var project = await ManagedProject.FindAsync(name, owner, context.User, projects, users, context.RequestAborted);
        if (project.Error is { } error)
        {
            return error;
        }
        context.Response.Headers.CacheControl = "no-store";
        return await store.FindSummaryAsync(name, project.Owner, context.RequestAborted) is { } summary
            ? TypedResults.Ok(Describe(summary))
            : ApiError.NotFound($"Project '{name}' has no repository credentials.");
    }

    private static async Task<Results<Ok<CredentialsResponse>, JsonHttpResult<ApiError>>> PutAsync(string name, string? owner,
        HttpContext context, JsonBody json, ProjectStore projects, UserStore users, CredentialStore store, CredentialHasher hasher,
        ILogger<CredentialStore> logger)
    {
        var project = await ManagedProject.FindAsync(name, owner, context.User, projects, users, context.RequestAborted);
        if (project.Error is { } error)
        {
            return error;
        }
        var body = await json.ReadAsync<CredentialsRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        var (credential, fingerprint, invalid) = CredentialsValidation.Validate(request, hasher.RepositoryTokenFingerprint);
        if (invalid is not null)
        {
            return invalid;
        }
        // Set before a first run, credentials name a project that may never come: bounded, so a user cannot fill the
        // table with them.
        if (!project.HasRun
            && await store.CountAwaitingFirstRunAsync(project.Owner, name, context.RequestAborted) >= MaxAwaitingFirstRun)
        {
            var holder = string.Equals(project.Owner, Caller.FromPrincipal(context.User).Username, StringComparison.OrdinalIgnoreCase)
                ? "You already have" : $"'{project.Owner}' already has";
            return ApiError.Status(StatusCodes.Status409Conflict, $"{holder} credentials for {MaxAwaitingFirstRun} "
                + "projects that have not run yet. Run one of them, or delete credentials no longer needed.");
        }
        var summary = await store.SaveAsync(name, project.Owner, credential!, fingerprint, context.RequestAborted);
        logger.LogInformation("{Caller} set {Kind} credentials of {Project} for {Owner} (fingerprint {Fingerprint})",
            Caller.FromPrincipal(context.User).Username, summary.Kind, name, project.Owner, summary.Fingerprint);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(Describe(summary));
    }

    private static async Task<Results<NoContent, JsonHttpResult<ApiError>>> DeleteAsync(string name, string? owner,
        HttpContext context, ProjectStore projects, UserStore users, CredentialStore store, ILogger<CredentialStore> logger)
    {
        var project = await ManagedProject.FindAsync(name, owner, context.User, projects, users, context.RequestAborted);
        if (project.Error is { } error)
        {
            return error;
        }
        if (!await store.DeleteAsync(name, project.Owner, context.RequestAborted))
        {
            return ApiError.NotFound($"Project '{name}' has no repository credentials.");
        }
        logger.LogInformation("{Caller} removed the credentials of {Project} for {Owner}",
            Caller.FromPrincipal(context.User).Username, name, project.Owner);
        return TypedResults.NoContent();
    }

    private static CredentialsResponse Describe(CredentialSummary summary) =>
        new(summary.Kind, summary.Username, Timestamps.Format(summary.SetAt.UtcDateTime), summary.Fingerprint);
}
