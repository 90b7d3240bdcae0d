using Docsfy.Contracts;

namespace Docsfy.Api.Generation;

/// <summary>A run the API ended as <c>aborted</c>; the workers were told to stop.</summary>
public sealed record RunAborted(VariantKey Variant, Guid RunId, string Status);
