using Docsfy.Contracts;

namespace Docsfy.Api.Projects;

/// <summary>A visible variant's published site: the variant and the run whose files are served.</summary>
public sealed record PublishedSite(VariantKey Variant, Guid RunId);
