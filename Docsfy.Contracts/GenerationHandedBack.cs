namespace Docsfy.Contracts;

/// <summary>
/// A worker shutting down on purpose gives a run back instead of failing it: sent on the run's event partition after
/// everything else it sent for the run, so the API takes the run over at once (the next attempt continues from the
/// run's checkpoint) rather than after the heartbeat timeout (docs/design/pipeline.md §12).
/// </summary>
public sealed record GenerationHandedBack(Guid RunId, int Attempt, string WorkerId);
