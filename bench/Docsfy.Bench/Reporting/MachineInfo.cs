using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Docsfy.Bench.Reporting;

/// <summary>Where and on what the bench ran, for the head of the results.</summary>
public static class MachineInfo
{
    public static string Cpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? "unknown";

    public static string Memory() =>
        File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string Os() => $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    /// <summary>
    /// The checked-out commit, marked when the working tree has changes. The results file itself does not count: the
    /// previous bench run changed it, not the code being measured.
    /// </summary>
    public static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        return string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no -- . :!bench/results.md")) ? head : $"{head} (with uncommitted changes)";
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
