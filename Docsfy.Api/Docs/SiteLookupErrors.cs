using Docsfy.Api.Http;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Docs;

public static class SiteLookupErrors
{
    /// <summary>The answer for a lookup that found no site to serve.</summary>
    public static JsonHttpResult<ApiError> For(SiteLookupStatus status) => status switch
    {
        SiteLookupStatus.Ambiguous => ProjectsEndpoints.AmbiguousOwner(),
        SiteLookupStatus.NotPublished => ApiError.NotFound("This variant has no published site yet: its first run has not finished."),
        _ => ApiError.NotFound("Documentation not found: it does not exist, was deleted, or is not shared with you."),
    };
}
