using System.Diagnostics;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// Creates files whose names are not valid UTF-8, which .NET's own file APIs cannot name: the shell's printf writes the
/// raw bytes.
/// </summary>
internal static class RawNames
{
    /// <summary>Creates <paramref name="directory"/>/<paramref name="printfName"/> (printf escapes such as <c>\377</c>).</summary>
    public static void CreateFile(string directory, string printfName)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", $"printf x > \"$(printf '{printfName}')\""])
        {
            WorkingDirectory = directory,
        })!;
        Assert.True(process.WaitForExit(30_000) && process.ExitCode == 0, "could not create the raw-named file");
    }
}
