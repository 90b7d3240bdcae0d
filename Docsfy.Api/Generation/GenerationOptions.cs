namespace Docsfy.Api.Generation;

/// <summary>How the API keeps runs from staying <c>generating</c> forever (section <c>Generation</c>).</summary>
public sealed class GenerationOptions
{
    public const string Section = "Generation";

    /// <summary>A run whose worker sent nothing for this long is ended as <c>error</c> (the worker died).</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A run no worker started within this long is ended as <c>error</c> although workers are alive (they were all busy).
    /// Long, so runs queue normally behind busy workers.
    /// </summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// A run that waited this long while no worker at all was alive (for at least as long) is ended as <c>error</c>, saying
    /// so: nobody is there to take it.
    /// </summary>
    public TimeSpan NoWorkerTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often each API replica looks for stuck runs.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allows <c>http://localhost</c>-style repository URLs, for tests that clone from a local server.</summary>
    public bool AllowLoopbackHosts { get; set; }
}
