namespace Docsfy.Contracts;

/// <summary>A worker is shutting down on purpose: the API stops counting it at once instead of waiting for it to go quiet.</summary>
public sealed record WorkerStopping(string WorkerId);
