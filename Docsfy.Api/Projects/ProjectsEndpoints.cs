using System.Security.Claims;
using Docsfy.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Projects;

public static class ProjectsEndpoints
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").RequireAuthorization();
        projects.MapGet("/", ListAsync);
        return app;
    }

    /// <summary><c>{projects, known_models, known_branches}</c>, the same body as the hub's <c>sync</c> without its type.</summary>
    private static async Task<Ok<ProjectSnapshot>> ListAsync(ClaimsPrincipal user, ProjectStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.SnapshotAsync(Caller.FromPrincipal(user), cancellationToken));
}
