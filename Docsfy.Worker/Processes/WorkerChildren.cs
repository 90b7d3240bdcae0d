using System.Globalization;

namespace Docsfy.Worker.Processes;

/// <summary>
/// Marks every process the worker starts (AI tools, ssh) with the worker's process id in its environment, which their
/// own children inherit. A worker killed outright cannot stop them, so the next worker on the machine finds them by the
/// mark and ends them (<see cref="OrphanReaper"/>).
/// </summary>
public static class WorkerChildren
{
    public const string MarkName = "DOCSFY_WORKER_PID";

    /// <summary>What the worker itself is started as; a process with the mark whose worker no longer runs is an orphan.</summary>
    public const string WorkerProcessName = "Docsfy.Worker";

    public static void Mark(IDictionary<string, string?> environment) =>
        environment[MarkName] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
}
