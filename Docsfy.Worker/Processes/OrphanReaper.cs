using System.Globalization;
using System.Text;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Generation;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Processes;

/// <summary>
/// At start and then every <see cref="WorkerOptions.OrphanSweepInterval"/>, ends the processes and deletes the scratch
/// folders that a worker on this machine left behind when it died without cleaning up (SIGKILL, OOM, a crash): processes
/// carrying <see cref="WorkerChildren.MarkName"/> of a worker that no longer runs, and run folders whose owner file names
/// such a worker. Live workers' children and folders, this one's or another replica's, are left alone.
/// </summary>
public sealed partial class OrphanReaper(IOptions<WorkerOptions> options, ILogger<OrphanReaper> logger) : BackgroundService
{
    /// <summary>The file in each run's scratch folder naming the worker that owns it.</summary>
    public const string OwnerFileName = ".docsfy-worker";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc is how orphans are found
        }
        using var timer = new PeriodicTimer(options.Value.OrphanSweepInterval);
        do
        {
            try
            {
                Sweep();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Marks <paramref name="scratch"/> as this worker's, so a later worker knows whether its owner still runs.</summary>
    public static void Claim(string scratch) =>
        File.WriteAllText(Path.Combine(scratch, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    internal void Sweep()
    {
        var killed = 0;
        foreach (var (pid, owner) in MarkedProcesses())
        {
            if (owner != Environment.ProcessId && !IsWorker(owner) && TryKill(pid))
            {
                killed++;
            }
        }
        var deleted = 0;
        var scratchRoot = options.Value.ScratchDirectory;
        if (Directory.Exists(scratchRoot))
        {
            foreach (var folder in Directory.EnumerateDirectories(scratchRoot))
            {
                if (OwnerOf(folder) is { } owner && owner != Environment.ProcessId && !IsWorker(owner) && ScratchFolder.TryDelete(folder))
                {
                    deleted++;
                }
            }
        }
        if (killed > 0 || deleted > 0)
        {
            LogReaped(killed, deleted);
        }
    }

    private static IEnumerable<(int Pid, int Owner)> MarkedProcesses()
    {
        var mark = Encoding.ASCII.GetBytes(WorkerChildren.MarkName + "=");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            byte[] environment;
            try
            {
                environment = File.ReadAllBytes(Path.Combine(directory, "environ"));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile, or another user's
            }
            if (OwnerIn(environment, mark) is { } owner)
            {
                yield return (pid, owner);
            }
        }
    }

    /// <summary>The worker pid in a NUL-separated environment block, or null when it carries no mark.</summary>
    internal static int? OwnerIn(ReadOnlySpan<byte> environment, ReadOnlySpan<byte> mark)
    {
        while (!environment.IsEmpty)
        {
            var end = environment.IndexOf((byte)0);
            var entry = end < 0 ? environment : environment[..end];
            if (entry.StartsWith(mark) && int.TryParse(entry[mark.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var owner))
            {
                return owner;
            }
            environment = end < 0 ? [] : environment[(end + 1)..];
        }
        return null;
    }

    private static int? OwnerOf(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, OwnerFileName));
            return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // not a run folder of a worker that marks them: left alone
        }
    }

    /// <summary>Whether <paramref name="pid"/> is a running worker (a reused pid of another program is not).</summary>
    private static bool IsWorker(int pid)
    {
        try
        {
            var commandLine = File.ReadAllBytes($"/proc/{pid}/cmdline");
            return Encoding.UTF8.GetString(commandLine).Contains(WorkerChildren.WorkerProcessName, StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private bool TryKill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException
            or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            LogKillFailed(pid, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Processes} processes and deleted {Folders} scratch folders a dead worker left behind")]
    private partial void LogReaped(int processes, int folders);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not end orphaned process {Pid}: {Reason}")]
    private partial void LogKillFailed(int pid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for a dead worker's leftovers failed")]
    private partial void LogSweepFailed(Exception exception);
}
