namespace Docsfy.Contracts;

/// <summary>
/// Every queue name Docsfy uses with MassTransit, in one place. Worker events travel their own partitions
/// (<see cref="RunEventQueues"/>).
/// </summary>
public static class Queues
{
    /// <summary>
    /// Where the API sends <see cref="GenerateDocumentation"/> and every worker consumes from. A command is sent to the
    /// queue (not published), so it waits there even when no worker has started yet.
    /// </summary>
    public const string Generation = "generate-documentation";

    /// <summary>Where the API asks any worker for a repository's branches (<see cref="ListBranches"/>).</summary>
    public const string BranchListing = "list-branches";

    /// <summary>
    /// Each worker's temporary queue (suffixed with an instance id) for <see cref="AbortGeneration"/>: an abort is
    /// published, so every worker hears it and the one running the run stops it.
    /// </summary>
    public const string WorkerAbort = "worker-abort";

    /// <summary>
    /// Each API replica's temporary queue (suffixed with its replica id) for hub broadcasts: every replica tells every
    /// other what its sockets must hear.
    /// </summary>
    public const string HubBroadcast = "hub-broadcast";

    /// <summary>
    /// Each API replica's temporary queue (suffixed with its replica id) for <see cref="WorkerAlive"/> and
    /// <see cref="WorkerStopping"/>, so every replica knows which workers are alive.
    /// </summary>
    public const string WorkerPresence = "worker-presence";
}
