using System.Diagnostics;

namespace Docsfy.Worker.Cloning;

/// <summary>Removes checkouts and other folders Docsfy created.</summary>
public static class ScratchFolder
{
    /// <summary>
    /// Deletes <paramref name="path"/> and everything in it, never following links. A failure only leaves scratch files
    /// behind, so it is reported as false, not thrown.
    /// </summary>
    public static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET cannot name files whose names are not valid UTF-8 (a repository may hold them), so it cannot delete
            // them either; rm works on raw bytes.
            return !OperatingSystem.IsWindows() && RemoveWithRm(path);
        }
    }

    private static bool RemoveWithRm(string path)
    {
        try
        {
            using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", "--", path]) { RedirectStandardError = true });
            if (rm is null || !rm.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                return false;
            }
            return rm.ExitCode == 0 && !Directory.Exists(path);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}
