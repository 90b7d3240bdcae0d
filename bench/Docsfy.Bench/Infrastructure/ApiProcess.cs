using System.Globalization;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// The operating-system process that serves the API. Aspire starts projects through <c>dotnet run</c>, so the pid in the
/// resource snapshot is the launcher, not the server; the process that owns the listening socket is the server.
/// </summary>
public sealed class ApiProcess(int pid)
{
    public int Pid { get; } = pid;

    public string CommandLine => File.ReadAllText($"/proc/{Pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>Resident set size, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public long ResidentBytes() => StatusKilobytes("VmRSS") * 1024;

    public int OpenFileDescriptors() => Directory.GetFiles($"/proc/{Pid}/fd").Length;

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name, which is in parentheses and may contain spaces.
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux.
    }

    public static ApiProcess FindListeningOn(int port)
    {
        var inodes = ListeningSocketInodes(port);
        if (inodes.Count == 0)
        {
            throw new InvalidOperationException($"Nothing listens on port {port}.");
        }
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }
            try
            {
                foreach (var fd in Directory.EnumerateFiles(Path.Combine(process, "fd")))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && inodes.Contains(target[8..^1]))
                    {
                        return new ApiProcess(pid);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }
        throw new InvalidOperationException($"No process owns the socket listening on port {port}.");
    }

    private static HashSet<string> ListeningSocketInodes(int port)
    {
        const string Listen = "0A";
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var localPort = int.Parse(columns[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (localPort == port && columns[3] == Listen)
                {
                    inodes.Add(columns[9]);
                }
            }
        }
        return inodes;
    }

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
