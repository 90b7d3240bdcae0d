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

    /// <summary>
    /// Creates <paramref name="path"/> as an empty folder, removing whatever an earlier user of that path left there
    /// (an earlier attempt of the same run, on a worker of this machine that died before any orphan sweep saw it).
    /// </summary>
    public static void CreateEmpty(string path)
    {
        if (!TryDelete(path))
        {
            throw new IOException($"A folder left from an earlier attempt could not be removed: {path}");
        }
        Directory.CreateDirectory(path);
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
