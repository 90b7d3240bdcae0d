namespace Docsfy.Contracts;

/// <summary>Published to every worker: whichever runs <see cref="RunId"/> stops it and kills its AI processes.</summary>
public sealed record AbortGeneration(Guid RunId);
