namespace Docsfy.Worker.Generation;

/// <summary>
/// How much a worker does at once and how long it may take (section <c>Worker</c>, plus the variables of
/// docs/design/configuration.md §3).
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Runs one worker process executes at the same time; more runs wait in the queue for any worker.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Pages generated in parallel within a run (<c>MAX_CONCURRENT_PAGES</c>).</summary>
    public int MaxConcurrentPages { get; set; } = 10;

    /// <summary>Minutes one AI call may take (<c>AI_CLI_TIMEOUT</c>); a run may override it.</summary>
    public int AiCliTimeoutMinutes { get; set; } = 60;

    /// <summary>How often a running run tells the API it is alive, and checks it was not aborted meanwhile.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the worker tells the API it is alive (<see cref="WorkerPresence"/>).</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a whole run may take.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Where checkouts and prompt files go; each run gets its own folder, deleted afterwards.</summary>
    public string ScratchDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "docsfy-worker");
}
