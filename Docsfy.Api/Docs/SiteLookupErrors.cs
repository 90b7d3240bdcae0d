using Docsfy.Api.Http;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Docs;

public static class SiteLookupErrors
{
    /// <summary>The answer for a lookup that found no site to serve.</summary>
    public static JsonHttpResult<ApiError> For(SiteLookupStatus status) => status switch
    {
        SiteLookupStatus.Ambiguous => ProjectsEndpoints.AmbiguousOwner(),
        SiteLookupStatus.NotPublished => ApiError.NotFound("This variant has no published site yet."),
        _ => ApiError.NotFound("Documentation not found."),
    };
}
