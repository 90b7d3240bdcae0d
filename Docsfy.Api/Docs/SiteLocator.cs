using Docsfy.Api.Auth;
using Docsfy.Api.Projects;

namespace Docsfy.Api.Docs;

/// <summary>
/// Finds the variant whose published site a <c>/docs</c> or download request names, under the same visibility rules as
/// every other read. A variant is served from its published run even while a newer run is generating: the last good
/// site stays up until the new one is ready.
/// </summary>
public sealed class SiteLocator(ProjectStore projects)
{
    /// <summary>One variant; several owners' variants without <paramref name="owner"/> resolve as in <see cref="VariantResolution"/>.</summary>
    public async Task<SiteLookup> VariantAsync(Caller caller, string name, string branch, string provider, string model,
        string? owner, CancellationToken cancellationToken)
    {
        var candidates = await projects.FindVisibleAsync(caller, new VariantFilter(name, branch, provider, model, owner),
            VariantOrder.UpdatedDescending, cancellationToken);
        var pick = VariantResolution.Pick(caller, candidates);
        return pick.Status switch
        {
            VariantPickStatus.NotFound => new SiteLookup(SiteLookupStatus.NotFound),
            VariantPickStatus.Ambiguous => new SiteLookup(SiteLookupStatus.Ambiguous),
            _ when pick.Match!.PublishedRunId is null => new SiteLookup(SiteLookupStatus.NotPublished),
            _ => new SiteLookup(SiteLookupStatus.Found, pick.Match),
        };
    }

    /// <summary>
    /// "The newest ready variant" of a project: among the visible variants of that name that have a published site, the
    /// caller's own first (a user who has their own docs of a repository means those, not a colleague's shared copy),
    /// then the most recently generated, then the most recently updated.
    /// </summary>
    public Task<SiteLookup> NewestAsync(Caller caller, string name, string? owner, CancellationToken cancellationToken) =>
        NewestAsync(caller, new VariantFilter(Name: name, Owner: owner), cancellationToken);

    /// <summary>The newest ready variant, as above, among those <paramref name="filter"/> names (e.g. one branch of a project).</summary>
    public async Task<SiteLookup> NewestAsync(Caller caller, VariantFilter filter, CancellationToken cancellationToken)
    {
        var published = await projects.FindVisibleAsync(caller, filter with { PublishedOnly = true },
            VariantOrder.OwnThenNewestGenerated, cancellationToken);
        if (published.Count > 0)
        {
            return new SiteLookup(SiteLookupStatus.Found, published[0]);
        }
        var any = await projects.FindVisibleAsync(caller, filter with { PublishedOnly = false }, VariantOrder.UpdatedDescending,
            cancellationToken);
        return new SiteLookup(any.Count > 0 ? SiteLookupStatus.NotPublished : SiteLookupStatus.NotFound);
    }
}
