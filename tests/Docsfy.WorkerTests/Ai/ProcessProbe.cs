using System.Diagnostics;

namespace Docsfy.WorkerTests.Ai;

/// <summary>Asks the OS whether a process still runs. A zombie (killed, not yet reaped by its new parent) counts as gone.</summary>
internal static class ProcessProbe
{
    public static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        // Format: "pid (comm) state ..."; comm may contain spaces or parentheses, so read after the last ')'.
        var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }

    /// <summary>Polls until the process is gone; killing is asynchronous and the machine may be busy.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan within)
    {
        var stopwatch = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (stopwatch.Elapsed > within)
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    /// <summary>Waits for a file the fake tool writes (its pids) and returns its integers.</summary>
    public static async Task<int[]> ReadPidsAsync(string path, int count, TimeSpan within)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < within)
        {
            if (File.Exists(path))
            {
                var pids = (await File.ReadAllLinesAsync(path))
                    .Select(line => int.TryParse(line, out var pid) ? pid : 0).Where(pid => pid > 0).ToArray();
                if (pids.Length >= count)
                    return pids;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The fake tool did not write {count} pids to {path} within {within}.");
    }
}
