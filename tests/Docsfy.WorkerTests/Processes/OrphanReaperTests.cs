using System.Diagnostics;
using System.Globalization;
using System.Text;
using Docsfy.Worker.Generation;
using Docsfy.Worker.Processes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Processes;

/// <summary>
/// A worker killed outright leaves its AI tools and scratch folders behind; the next worker on the machine ends and
/// deletes exactly those, and never what a live worker (itself included) owns.
/// </summary>
public sealed class OrphanReaperTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("docsfy-reaper-");
    private readonly List<Process> _started = [];

    [Fact]
    public void The_mark_is_found_anywhere_in_an_environment_block_and_only_as_a_whole_number()
    {
        var mark = Encoding.ASCII.GetBytes(WorkerChildren.MarkName + "=");
        Assert.Equal(4242, OrphanReaper.OwnerIn(Encoding.ASCII.GetBytes("A=1\0DOCSFY_WORKER_PID=4242\0B=2\0"), mark));
        Assert.Equal(7, OrphanReaper.OwnerIn(Encoding.ASCII.GetBytes("DOCSFY_WORKER_PID=7"), mark));
        Assert.Null(OrphanReaper.OwnerIn(Encoding.ASCII.GetBytes("X_DOCSFY_WORKER_PID=7\0"), mark));
        Assert.Null(OrphanReaper.OwnerIn(Encoding.ASCII.GetBytes("DOCSFY_WORKER_PID=-7\0DOCSFY_WORKER_PID=x\0"), mark));
        Assert.Null(OrphanReaper.OwnerIn([], mark));
    }

    [Fact]
    public void A_dead_workers_processes_and_folders_go_and_a_live_workers_stay()
    {
        var deadWorker = DeadPid();
        var orphan = Sleep(owner: deadWorker);
        var ours = Sleep(owner: Environment.ProcessId);
        var unmarked = Sleep(owner: null);
        var orphanFolder = Folder("orphan-run", owner: deadWorker);
        var ourFolder = Folder("our-run", owner: Environment.ProcessId);
        var foreignFolder = Folder("not-a-run", owner: null);

        new OrphanReaper(Options.Create(new WorkerOptions { ScratchDirectory = _scratch.FullName }),
            NullLogger<OrphanReaper>.Instance).Sweep();

        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "the dead worker's child still runs");
        Assert.False(ours.HasExited);
        Assert.False(unmarked.HasExited);
        Assert.False(Directory.Exists(orphanFolder));
        Assert.True(Directory.Exists(ourFolder));
        Assert.True(Directory.Exists(foreignFolder));
    }

    private Process Sleep(int? owner)
    {
        var start = new ProcessStartInfo("sleep", ["60"]) { UseShellExecute = false };
        if (owner is { } pid)
        {
            start.Environment[WorkerChildren.MarkName] = pid.ToString(CultureInfo.InvariantCulture);
        }
        var process = Process.Start(start)!;
        _started.Add(process);
        return process;
    }

    private string Folder(string name, int? owner)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch.FullName, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "checkout.txt"), "files of a run");
        if (owner is { } pid)
        {
            File.WriteAllText(Path.Combine(folder, OrphanReaper.OwnerFileName), pid.ToString(CultureInfo.InvariantCulture));
        }
        return folder;
    }

    /// <summary>The pid of a process that has exited: no worker runs under it.</summary>
    private static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.Dispose();
        }
        _scratch.Delete(recursive: true);
    }
}
