using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Docsfy.Contracts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Generation;

/// <summary>
/// Starting, regenerating and aborting runs over REST: each handler reads its input and says what
/// <see cref="RunLifecycle"/> decided. Admins and users may; viewers only read.
/// </summary>
public static class GenerationEndpoints
{
    public static IEndpointRouteBuilder MapGenerationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/generate", GenerateAsync).RequireAuthorization(AuthPolicies.Writer).WithTags("Runs")
            .WithSummary("Start a run")
            .WithDescription("Generates (or regenerates) the variant of a repository and branch with an AI provider and model. Exactly one of `repo_url` and `repo_path` (admins only). 202 at once; follow the run on `/api/ws` or at the `Location`. 409 while the same variant is generating.")
            .AcceptsJson<GenerateRequest>().ProducesApiErrors(StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/projects/{name}/{branch}/{provider}/{model}/regenerate", RegenerateAsync)
            .RequireAuthorization(AuthPolicies.Writer)
            .WithTags("Runs").WithSummary("Run an existing variant again")
            .WithDescription("From the variant's recorded source; `{\"force\": true}` rewrites every page. `?owner=` names another user's variant (admins). 409 while it is generating.")
            .AcceptsJson<RegenerateRequest>(isOptional: true)
            .ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/api/projects/{name}/{branch}/{provider}/{model}/abort", AbortVariantAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithTags("Runs").WithSummary("Abort the run of one variant")
            .WithDescription("Users abort their own runs, admins anyone's (`?owner=` chooses).")
            .ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        app.MapPost("/api/projects/{name}/abort", AbortByNameAsync).RequireAuthorization(AuthPolicies.Writer)
            .WithTags("Runs").WithSummary("Abort the one running run of a project")
            .WithDescription("409 when several variants of the project are generating: abort one by branch, provider and model.")
            .ProducesApiErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Accepted<GenerateResponse>, JsonHttpResult<ApiError>>> GenerateAsync(HttpContext context,
        JsonBody json, RunLifecycle lifecycle)
    {
        var body = await json.ReadAsync<GenerateRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Error!;
        }
        var outcome = await lifecycle.StartAsync(request, Caller.FromPrincipal(context.User), context.RequestAborted);
        return outcome.Succeeded(out var started, out var refusal) ? Accepted(started) : refusal.ToApiError();
    }

    /// <summary>
    /// Runs an existing variant again from its recorded source. The body is optional: <c>{"force": true}</c> regenerates
    /// every page. <c>?owner=</c> names another user's variant (admins).
    /// </summary>
    private static async Task<Results<Accepted<GenerateResponse>, JsonHttpResult<ApiError>>> RegenerateAsync(string name,
        string branch, string provider, string model, string? owner, HttpContext context, JsonBody json, RunLifecycle lifecycle)
    {
        var force = false;
        // No body at all means the defaults; any body is read as strictly as every other.
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var body = await json.ReadAsync<RegenerateRequest>(context.Request, context.RequestAborted);
            if (body.Value is not { } request)
            {
                return body.Error!;
            }
            force = request.Force;
        }
        var caller = Caller.FromPrincipal(context.User);
        var variant = new VariantKey(name, branch, provider, model, owner ?? caller.Username);
        var outcome = await lifecycle.RegenerateAsync(variant, force, caller, context.RequestAborted);
        return outcome.Succeeded(out var started, out var refusal) ? Accepted(started) : refusal.ToApiError();
    }

    private static Task<Results<Ok<AbortResponse>, JsonHttpResult<ApiError>>> AbortVariantAsync(string name, string branch,
        string provider, string model, string? owner, HttpContext context, RunLifecycle lifecycle) =>
        AbortAsync(context, lifecycle, new VariantFilter(name, branch, provider, model, owner));

    private static Task<Results<Ok<AbortResponse>, JsonHttpResult<ApiError>>> AbortByNameAsync(string name, string? owner,
        HttpContext context, RunLifecycle lifecycle) =>
        AbortAsync(context, lifecycle, new VariantFilter(name, Owner: owner));

    private static async Task<Results<Ok<AbortResponse>, JsonHttpResult<ApiError>>> AbortAsync(HttpContext context,
        RunLifecycle lifecycle, VariantFilter target)
    {
        var outcome = await lifecycle.AbortAsync(target, Caller.FromPrincipal(context.User), context.RequestAborted);
        if (!outcome.Succeeded(out var aborted, out var refusal))
        {
            return refusal.ToApiError();
        }
        var variant = aborted.Variant;
        return TypedResults.Ok(new AbortResponse(variant.Name, variant.Branch, variant.Provider, variant.Model, variant.Owner,
            aborted.Status, aborted.RunId));
    }

    private static Accepted<GenerateResponse> Accepted(RunStarted started)
    {
        var variant = started.Variant;
        return TypedResults.Accepted($"/api/projects/by-id/{started.RunId}", new GenerateResponse(variant.Name,
            VariantStatus.Generating, variant.Branch, variant.Provider, variant.Model, variant.Owner, started.RunId));
    }
}
