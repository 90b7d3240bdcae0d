namespace Docsfy.Contracts;

/// <summary>
/// A worker is still working on <see cref="RunId"/> (sent periodically, also during long AI calls). A run whose
/// heartbeats stop is taken over by the API (another worker continues it) or, once that was done as often as allowed,
/// ended as <c>error</c>: a killed worker never leaves a variant generating.
/// </summary>
/// <remarks>Only the run's current <see cref="Attempt"/> keeps it alive (docs/design/pipeline.md §12).</remarks>
public sealed record GenerationHeartbeat(Guid RunId, string WorkerId, int Attempt = 1);
