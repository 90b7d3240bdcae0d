namespace Docsfy.Contracts;

/// <summary>
/// A worker's periodic "I am here": what it is running and what it could take. Published, so every API replica hears
/// it; a worker not heard from for a while is gone.
/// </summary>
/// <param name="WorkerId">Unique per worker process (host, process id and a random part), stable for its lifetime.</param>
/// <param name="Providers">The AI providers this worker can run now: tools installed, endpoints configured.</param>
public sealed record WorkerAlive(
    string WorkerId,
    string Host,
    int RunsInProgress,
    int MaxConcurrentRuns,
    IReadOnlyList<string> Providers,
    DateTime StartedAt);
