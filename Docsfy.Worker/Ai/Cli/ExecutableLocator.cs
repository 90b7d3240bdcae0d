namespace Docsfy.Worker.Ai.Cli;

/// <summary>Finds an executable the way a shell would, so a missing tool is reported before any process starts.</summary>
internal static class ExecutableLocator
{
    /// <summary>The full path, or null when <paramref name="nameOrPath"/> is not an existing executable file.</summary>
    public static string? Find(string nameOrPath, string? searchPath = null)
    {
        if (nameOrPath.Contains(Path.DirectorySeparatorChar) || nameOrPath.Contains(Path.AltDirectorySeparatorChar))
        {
            var fullPath = Path.GetFullPath(nameOrPath);
            return IsExecutable(fullPath) ? fullPath : null;
        }

        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in Candidates(Path.Combine(directory, nameOrPath)))
            {
                if (IsExecutable(candidate))
                    return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (OperatingSystem.IsWindows())
        {
            foreach (var extension in (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';'))
                yield return path + extension;
        }
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
