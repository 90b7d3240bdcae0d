namespace Docsfy.Api.Generation;

/// <summary>How the API keeps runs from staying <c>generating</c> forever (section <c>Generation</c>).</summary>
public sealed class GenerationOptions
{
    public const string Section = "Generation";

    /// <summary>
    /// A run whose worker sent nothing for this long has lost its worker: it is taken over (<see cref="MaxTakeovers"/>),
    /// or ended as <c>error</c> once it has been taken over that often.
    /// </summary>
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

    /// <summary>
    /// How often one run may be handed to another worker because its worker was lost (went silent: killed, crashed, cut
    /// off) before the next loss ends it in <c>error</c> instead: a repository that crashes every worker must not go round
    /// forever (docs/design/pipeline.md §12). 0 turns takeovers after a loss off.
    /// </summary>
    public int MaxTakeovers { get; set; } = 2;

    /// <summary>
    /// How often one run may be handed on because its worker shut down on purpose and gave it back (a deployment, a
    /// restart). Counted apart from <see cref="MaxTakeovers"/>, so a long run outlives a few deployments; still bounded,
    /// so workers that keep being stopped cannot pass a run round forever. 0 ends a handed-back run instead.
    /// </summary>
    public int MaxHandBacks { get; set; } = 10;

    /// <summary>The most <see cref="MaxTakeovers"/> and <see cref="MaxHandBacks"/> may be.</summary>
    public const int MaxTakeoversLimit = 100;

    /// <summary>How often each API replica looks for stuck runs.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allows <c>http://localhost</c>-style repository URLs, for tests that clone from a local server.</summary>
    public bool AllowLoopbackHosts { get; set; }
}
