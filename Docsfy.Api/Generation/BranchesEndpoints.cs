using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Docsfy.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Docsfy.Api.Generation;

/// <summary>
/// <c>GET /api/branches?repo_url=</c> (or <c>?repo_path=</c> for admins): a repository's branches, so a user can pick
/// one that exists before starting a run. The API checks the address as for a run; a worker reads the branches under
/// exactly the host rules and limits of a clone.
/// </summary>
public static class BranchesEndpoints
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapBranchesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/branches", ListAsync).RequireAuthorization(AuthPolicies.Writer).WithTags("Runs")
            .WithSummary("A repository's branches")
            .WithDescription("Exactly one of `repo_url` and `repo_path` (admins only); a worker reads them under the rules of a clone.")
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The request client the endpoint uses; call inside the API's bus registration.</summary>
    public static void AddBranchListing(this IBusRegistrationConfigurator bus) =>
        bus.AddRequestClient<ListBranches>(new Uri($"queue:{Queues.BranchListing}"), RequestTimeout.After(s: (int)AnswerTimeout.TotalSeconds));

    private static async Task<Results<Ok<BranchesResponse>, JsonHttpResult<ApiError>>> ListAsync(HttpContext context,
        string? repo_url, string? repo_path, IRequestClient<ListBranches> workers, IOptions<GenerationOptions> options,
        ILogger<BranchesResponse> logger)
    {
        if ((repo_url is null) == (repo_path is null))
        {
            return ApiError.BadRequest("Give exactly one of repo_url and repo_path.");
        }
        var caller = Caller.FromPrincipal(context.User);
        var source = await GenerateValidation.SourceAsync(repo_url, repo_path, caller, options.Value, context.RequestAborted);
        if (!source.Succeeded(out _, out var refusal))
        {
            return refusal.ToApiError();
        }
        try
        {
            var answer = await workers.GetResponse<BranchesListed>(new ListBranches(repo_url, repo_path), context.RequestAborted);
            return answer.Message.Problem is { } problem
                ? ApiError.BadField(repo_url is null ? "repo_path" : "repo_url", problem)
                : TypedResults.Ok(new BranchesResponse(answer.Message.Branches));
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning("No worker listed the branches of a repository within {Timeout}", AnswerTimeout);
            return ApiError.Status(StatusCodes.Status503ServiceUnavailable,
                "No worker answered in time. Check that a worker is running, then try again.");
        }
    }
}

public sealed record BranchesResponse(IReadOnlyList<string> Branches);
