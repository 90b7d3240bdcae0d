namespace Docsfy.Api.Projects;

/// <summary>The body of <c>GET /api/projects/{name}</c>: every variant of that name the caller may see, newest first.</summary>
public sealed record ProjectResponse(string Name, IReadOnlyList<VariantView> Variants);
