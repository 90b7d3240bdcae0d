namespace Docsfy.Api.Generation;

/// <summary>How the API keeps runs from staying <c>generating</c> forever (section <c>Generation</c>).</summary>
public sealed class GenerationOptions
{
    public const string Section = "Generation";

    /// <summary>A run whose worker sent nothing for this long is ended as <c>error</c> (the worker died).</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A run no worker started within this long is ended as <c>error</c> (no worker is running).</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often each API replica looks for stuck runs.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allows <c>http://localhost</c>-style repository URLs, for tests that clone from a local server.</summary>
    public bool AllowLoopbackHosts { get; set; }
}
