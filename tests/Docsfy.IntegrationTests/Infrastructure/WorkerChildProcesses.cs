namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// The processes a worker started (AI tools, git, ssh and whatever they started), found by the mark each carries in its
/// environment: <c>DOCSFY_WORKER_PID</c>, the worker's process id. Other app hosts' workers on this machine mark theirs
/// with other ids, so a test sees only its own worker's.
/// </summary>
public static class WorkerChildProcesses
{
    private const string Mark = "DOCSFY_WORKER_PID=";

    /// <summary>Processes marked by any of <paramref name="workerPids"/>, alive now.</summary>
    public static IReadOnlyList<int> MarkedBy(IReadOnlySet<int> workerPids) => [.. Directory.EnumerateDirectories("/proc")
        .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
        .Where(pid => pid > 0 && MarkOf(pid) is { } worker && workerPids.Contains(worker))];

    private static int? MarkOf(int pid)
    {
        try
        {
            var entry = File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(e => e.StartsWith(Mark, StringComparison.Ordinal));
            return entry is not null && int.TryParse(entry.AsSpan(Mark.Length), out var worker) ? worker : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
