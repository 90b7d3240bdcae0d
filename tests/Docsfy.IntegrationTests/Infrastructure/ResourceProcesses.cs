using System.Diagnostics;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Hard-kills a resource's processes, as a crash or an OOM kill would, for tests of what survives that.</summary>
public static class ResourceProcesses
{
    /// <summary>
    /// SIGKILLs the process the app host started for <paramref name="resource"/> (one instance of it, when it has
    /// replicas) and all of its descendants, and returns the instance's id (what the app host's commands take).
    /// </summary>
    public static Task<string> KillAsync(DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        KillAsync(app, resource, spareWorkerChildren: false, cancellationToken);

    /// <summary>
    /// SIGKILLs the worker service itself (and the <c>dotnet run</c> around it) but not the processes it started, which a
    /// real crash leaves running: they carry the worker's mark (<c>DOCSFY_WORKER_PID</c>) in their environment.
    /// </summary>
    public static Task<string> KillLeavingChildrenAsync(DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        KillAsync(app, resource, spareWorkerChildren: true, cancellationToken);

    /// <summary>
    /// Asks the resource's processes to stop (SIGTERM), as an orchestrator does before a deployment replaces them: the
    /// service shuts down gracefully. The processes it started are left to it.
    /// </summary>
    public static async Task TerminateAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        var (_, root) = await RunningAsync(app, resource, cancellationToken);
        foreach (var pid in DescendantsOf(root).Prepend(root).Where(pid => !IsWorkerChild(pid)))
        {
            // Gone already is fine: the process stopped on its own.
            _ = SendSignal(pid, SigTerm);
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>The process the app host started for <paramref name="resource"/> (one instance) and all its descendants.</summary>
    public static async Task<IReadOnlyList<int>> TreeAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        var (_, root) = await RunningAsync(app, resource, cancellationToken);
        return [root, .. DescendantsOf(root)];
    }

    private static async Task<(string ResourceId, int Pid)> RunningAsync(DistributedApplication app, string resource,
        CancellationToken cancellationToken)
    {
        var running = await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null), cancellationToken);
        return (running.ResourceId, Convert.ToInt32(running.Snapshot.Properties.First(p => p.Name == "executable.pid").Value,
            System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> KillAsync(DistributedApplication app, string resource, bool spareWorkerChildren,
        CancellationToken cancellationToken)
    {
        var (resourceId, root) = await RunningAsync(app, resource, cancellationToken);
        // In tests a project runs as `dotnet run`, whose child is the service itself: kill the whole tree.
        foreach (var pid in DescendantsOf(root).Prepend(root).Where(pid => !spareWorkerChildren || !IsWorkerChild(pid)))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
        return resourceId;
    }

    private static bool IsWorkerChild(int pid) => WorkerMarkOf(pid) is not null;

    /// <summary>The worker whose mark (<c>DOCSFY_WORKER_PID</c>) process <paramref name="pid"/> carries, if any.</summary>
    public static int? WorkerMarkOf(int pid)
    {
        try
        {
            const string mark = "DOCSFY_WORKER_PID=";
            var entry = File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(e => e.StartsWith(mark, StringComparison.Ordinal));
            return int.TryParse(entry?[mark.Length..], System.Globalization.CultureInfo.InvariantCulture, out var worker) ? worker : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every process carrying worker <paramref name="workerPid"/>'s mark: those it started and their own children.</summary>
    public static IReadOnlyList<int> MarkedBy(int workerPid) => [.. Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Select(name => int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : 0)
        .Where(pid => pid > 0 && WorkerMarkOf(pid) == workerPid)];

    private static List<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }
        var descendants = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                descendants.Add(child);
                frontier.Enqueue(child);
            }
        }
        return descendants;
    }
}
