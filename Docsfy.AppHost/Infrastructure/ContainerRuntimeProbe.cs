using System.ComponentModel;
using System.Diagnostics;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Finds a container runtime whose engine actually answers, not merely a client on the PATH.</summary>
internal static class ContainerRuntimeProbe
{
    // A missing or stopped engine makes `docker info` hang on some machines; a healthy one answers in well under this.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Returns the first runtime whose <c>info</c> command exits 0 in time: the one Aspire is told to use
    /// (<c>ASPIRE_CONTAINER_RUNTIME</c>) when set, else docker, then podman.
    /// </summary>
    public static string? FindAnsweringRuntime(string? configuredRuntime)
    {
        string[] candidates = string.IsNullOrWhiteSpace(configuredRuntime) ? ["docker", "podman"] : [configuredRuntime];
        return candidates.FirstOrDefault(Answers);
    }

    private static bool Answers(string runtime)
    {
        var startInfo = new ProcessStartInfo(runtime, ["info"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return false;
            }

            // Drain the pipes so a chatty `info` cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // not installed
        }
    }
}
