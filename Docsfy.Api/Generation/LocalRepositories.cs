namespace Docsfy.Api.Generation;

/// <summary><c>repo_path</c> checks: an absolute path to an existing git repository (working tree or bare).</summary>
public static class LocalRepositories
{
    public const int MaxPathLength = 1024;

    /// <summary>Why the path cannot be used, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Length > MaxPathLength || path.Any(char.IsControl))
        {
            return "This is not a usable path.";
        }
        if (!Path.IsPathFullyQualified(path))
        {
            return "Give the full path, starting with /.";
        }
        if (!Directory.Exists(path))
        {
            return "Nothing exists at this path on the server.";
        }
        var isWorkingTree = Directory.Exists(Path.Combine(path, ".git")) || File.Exists(Path.Combine(path, ".git"));
        var isBare = File.Exists(Path.Combine(path, "HEAD")) && Directory.Exists(Path.Combine(path, "objects"));
        return isWorkingTree || isBare ? null : "This path is not a git repository (no .git folder, and not a bare repository).";
    }

    /// <summary>The project name of a local repository: its directory name, without a bare repository's <c>.git</c>.</summary>
    public static string NameOf(string path)
    {
        var directory = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        return directory.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? directory[..^4] : directory;
    }
}
