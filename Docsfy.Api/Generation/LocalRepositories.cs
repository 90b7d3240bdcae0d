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
            return "repo_path is not a usable path.";
        }
        if (!Path.IsPathFullyQualified(path))
        {
            return "repo_path must be an absolute path.";
        }
        if (!Directory.Exists(path))
        {
            return "repo_path does not exist.";
        }
        var isWorkingTree = Directory.Exists(Path.Combine(path, ".git")) || File.Exists(Path.Combine(path, ".git"));
        var isBare = File.Exists(Path.Combine(path, "HEAD")) && Directory.Exists(Path.Combine(path, "objects"));
        return isWorkingTree || isBare ? null : "repo_path is not a git repository.";
    }

    /// <summary>The project name of a local repository: its directory name, without a bare repository's <c>.git</c>.</summary>
    public static string NameOf(string path)
    {
        var directory = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        return directory.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? directory[..^4] : directory;
    }
}
