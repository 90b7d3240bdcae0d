namespace Docsfy.Contracts;

/// <summary>
/// Where a worker sends a run's events (<see cref="GenerationProgressed"/>, <see cref="GenerationFinished"/>,
/// <see cref="GenerationHeartbeat"/>): one of a fixed number of partitions chosen by the run id, so every event of a run
/// travels one ordered queue while different runs are applied in parallel, by as many API replicas as there are.
/// </summary>
/// <remarks>
/// Each partition is a fanout exchange with a durable queue of the same name behind it, which the API declares with
/// RabbitMQ's single active consumer. Workers send to the exchange (<c>exchange:</c> address), so they never declare the
/// queue themselves with other arguments. Changing <see cref="Count"/> re-routes runs: change it only with no run going.
/// </remarks>
public static class RunEventQueues
{
    public const int Count = 8;

    private const string Prefix = "generation-events-";

    public static int PartitionOf(Guid runId)
    {
        // A v4 GUID is random in its first bytes; this is stable across processes and machines (unlike GetHashCode).
        Span<byte> bytes = stackalloc byte[16];
        runId.TryWriteBytes(bytes);
        return (int)(BitConverter.ToUInt32(bytes) % Count);
    }

    public static string NameOf(int partition) => $"{Prefix}{partition}";

    /// <summary>The MassTransit send address of the run's partition exchange.</summary>
    public static Uri AddressFor(Guid runId) => new($"exchange:{NameOf(PartitionOf(runId))}");

    public static IEnumerable<string> All => Enumerable.Range(0, Count).Select(NameOf);
}
