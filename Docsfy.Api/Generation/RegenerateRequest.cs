namespace Docsfy.Api.Generation;

/// <summary>The optional body of <c>POST /api/projects/{name}/{branch}/{provider}/{model}/regenerate</c>.</summary>
/// <param name="Force">Regenerate every page: reuse and replace nothing.</param>
public sealed record RegenerateRequest(bool Force = false);
