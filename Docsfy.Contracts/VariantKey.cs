namespace Docsfy.Contracts;

/// <summary>Identifies one variant: a repository name, branch, AI provider and model, and the owning user.</summary>
public sealed record VariantKey(string Name, string Branch, string Provider, string Model, string Owner);
