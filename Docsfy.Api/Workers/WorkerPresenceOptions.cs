namespace Docsfy.Api.Workers;

/// <summary>How the API decides which workers are alive (section <c>Workers</c>).</summary>
public sealed class WorkerPresenceOptions
{
    public const string Section = "Workers";

    /// <summary>
    /// A worker not heard from for this long is gone. Several of the worker's <c>Worker:PresenceInterval</c> (5 s), so
    /// one lost announcement does not make it disappear.
    /// </summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
