using System.Security.Claims;
using Docsfy.Api.Auth;
using Docsfy.Api.Http;

namespace Docsfy.Api.Search;

/// <summary><c>GET /api/search</c>: full-text search over the published sites the caller may see.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).RequireAuthorization()
            .WithTags("Search").WithSummary("Search documentation")
            .WithDescription("Full-text search over the published sites the caller may see. `q` is web-search syntax (words, "
                + "`\"a phrase\"`, `-without`, `or`), 1-200 characters; code identifiers are found whole and by their parts. "
                + "An exact title match comes first, then the best matches; `snippet` is HTML (the page text escaped, matches "
                + "in `<mark>`). `limit` 1-50 (default 10); `project`, `branch`, `provider`, `model`, `owner` narrow the search.");
        return app;
    }

    /// <summary>
    /// <c>?q=</c> in web-search syntax, optionally narrowed to a project, branch, provider, model or owner; <c>limit</c>
    /// 1–50 (default 10). Every value is read as text and checked here, so a malformed one is a 400 in the one error shape.
    /// </summary>
    private static async Task<Results<Ok<SearchResponse>, JsonHttpResult<ApiError>>> SearchAsync(string? q, string? project,
        string? branch, string? provider, string? model, string? owner, string? limit, ClaimsPrincipal user, SearchStore store,
        CancellationToken cancellationToken)
    {
        var validation = SearchQuery.Validate(q, project, branch, provider, model, owner, limit);
        if (validation.Query is not { } query)
        {
            return ApiError.BadField(validation.Parameter!, validation.Error!);
        }
        var hits = await store.SearchAsync(Caller.FromPrincipal(user), query, cancellationToken);
        return TypedResults.Ok(new SearchResponse(query.Text, hits));
    }
}
