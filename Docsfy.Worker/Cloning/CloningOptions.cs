namespace Docsfy.Worker.Cloning;

/// <summary>
/// Limits of the <c>cloning</c> stage, from the <c>Clone</c> configuration section. Named so as not to clash with
/// LibGit2Sharp's own <c>CloneOptions</c>.
/// </summary>
public sealed class CloningOptions
{
    public const string Section = "Clone";

    /// <summary>The whole clone (resolve, fetch, checkout) must finish within this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most bytes a clone may transfer, and also the most bytes its checked-out files may total: a small, highly
    /// compressed pack can still expand into a huge checkout.
    /// </summary>
    public long MaxBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>The most files a checkout may contain.</summary>
    public int MaxFiles { get; set; } = 100_000;

    /// <summary>
    /// Accept loopback hosts (and <c>git://</c> on them). Off in production; tests turn it on to clone from a local
    /// <c>git daemon</c>.
    /// </summary>
    public bool AllowLoopbackHosts { get; set; }

    /// <summary>
    /// How deep a shallow clone is fetched, in turn, to find the commit an incremental run compares against when the
    /// server will not hand out that commit by name. Further back than the last depth, the run regenerates in full.
    /// Unset means <see cref="DefaultHistoryDepths"/>: a default held by the property itself would survive configuration,
    /// since binding appends to an array instead of replacing it.
    /// </summary>
    public int[]? HistoryDepths { get; set; }

    public static IReadOnlyList<int> DefaultHistoryDepths { get; } = [50, 1000];

    /// <summary>The <c>ssh</c> client that ssh clones run (OpenSSH's command line).</summary>
    public string SshPath { get; set; } = "ssh";

    /// <summary>
    /// ssh's <c>ConnectTimeout</c>: how long connecting and the server's first words may take. A host that accepts the
    /// connection and never speaks would otherwise hold a run slot for the whole <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan SshConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>ssh's <c>ServerAliveInterval</c>: how often a quiet connection asks the server whether it is still there.</summary>
    public TimeSpan SshServerAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>ssh's <c>ServerAliveCountMax</c>: unanswered keep-alives before ssh gives the connection up.</summary>
    public int SshServerAliveCountMax { get; set; } = 3;

    /// <summary>
    /// Where an ssh deploy key is written for the length of one fetch (a private folder of its own each time, deleted
    /// after); unset means the system's temporary folder. Never under the worker's scratch folder, where checkouts are.
    /// </summary>
    public string? SshKeyDirectory { get; set; }

    internal IReadOnlyList<int> Depths => HistoryDepths ?? DefaultHistoryDepths;

    internal string? Problem() =>
        Timeout <= TimeSpan.Zero ? "Clone:Timeout must be positive."
        : MaxBytes <= 0 ? "Clone:MaxBytes must be positive."
        : MaxFiles <= 0 ? "Clone:MaxFiles must be positive."
        : Depths.Any(depth => depth <= 0) ? "Clone:HistoryDepths must all be positive."
        : string.IsNullOrWhiteSpace(SshPath) ? "Clone:SshPath must name the ssh client."
        : SshConnectTimeout < TimeSpan.FromSeconds(1) || SshServerAliveInterval < TimeSpan.FromSeconds(1) || SshServerAliveCountMax < 1
            ? "Clone:SshConnectTimeout and Clone:SshServerAliveInterval must be at least a second, Clone:SshServerAliveCountMax at least 1."
        : null;
}
