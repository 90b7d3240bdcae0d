using Docsfy.Api.Projects;

namespace Docsfy.Api.Docs;

public enum SiteLookupStatus { Found, NotFound, Ambiguous, NotPublished }

/// <summary>Which variant's published site a request names; <see cref="Variant"/> is set when <see cref="Status"/> is Found.</summary>
public sealed record SiteLookup(SiteLookupStatus Status, VariantMatch? Variant = null)
{
    public Guid Run => Variant?.PublishedRunId ?? throw new InvalidOperationException("No site was found.");
}
