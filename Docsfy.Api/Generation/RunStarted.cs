using Docsfy.Contracts;

namespace Docsfy.Api.Generation;

/// <summary>A run recorded as <c>generating</c> and handed to the workers.</summary>
public sealed record RunStarted(VariantKey Variant, Guid RunId);
