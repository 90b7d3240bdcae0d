using LibGit2Sharp;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Local git repositories the tests create and generate documentation from (tests never reach the internet).</summary>
public static class GitRepositories
{
    private static readonly Signature Author = new("Test", "test@example.com", DateTimeOffset.UnixEpoch);

    /// <summary>A new repository named <paramref name="name"/> with one commit of <paramref name="files"/> on <c>main</c>.</summary>
    public static string Create(string name, IReadOnlyDictionary<string, string> files)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("docsfy-repo-").FullName, name);
        Repository.Init(path);
        using var repository = new Repository(path);
        Commit(repository, files, "Initial commit");
        if (repository.Head.FriendlyName != "main")
        {
            var previous = repository.Head.FriendlyName;
            repository.Branches.Add("main", repository.Head.Tip);
            repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
            repository.Branches.Remove(previous);
        }
        return path;
    }

    /// <summary>
    /// Commits a file whose name is not valid UTF-8 (<paramref name="printfName"/> with printf escapes such as
    /// <c>\377</c>), which .NET cannot name but git stores: the shell writes the raw bytes.
    /// </summary>
    public static void CommitRawNamedFile(string path, string printfName)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh",
            ["-c", $"printf x > \"$(printf '{printfName}')\" && git add -A && git -c user.name=t -c user.email=t@t commit -qm raw"])
        {
            WorkingDirectory = path,
            RedirectStandardError = true,
        })!;
        var errors = git.StandardError.ReadToEnd();
        Assert.True(git.WaitForExit(30_000) && git.ExitCode == 0, $"could not commit the raw-named file: {errors}");
    }

    /// <summary>Adds a commit changing <paramref name="files"/>; returns its SHA.</summary>
    public static string Commit(string path, IReadOnlyDictionary<string, string> files, string message)
    {
        using var repository = new Repository(path);
        return Commit(repository, files, message).Sha;
    }

    private static Commit Commit(Repository repository, IReadOnlyDictionary<string, string> files, string message)
    {
        foreach (var (file, content) in files)
        {
            var full = Path.Combine(repository.Info.WorkingDirectory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Commands.Stage(repository, file);
        }
        return repository.Commit(message, Author, Author, new CommitOptions { AllowEmptyCommit = true });
    }

    /// <summary>Adds a commit writing <paramref name="content"/> (an image, say) to <paramref name="file"/>; returns its SHA.</summary>
    public static string CommitBytes(string path, string file, byte[] content, string message)
    {
        using var repository = new Repository(path);
        var full = Path.Combine(repository.Info.WorkingDirectory, file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        Commands.Stage(repository, file);
        return repository.Commit(message, Author, Author).Sha;
    }

    /// <summary>
    /// Replaces the repository's whole history with one new commit of <paramref name="files"/>: every earlier commit is
    /// gone from it, as after a force-push and garbage collection on a server.
    /// </summary>
    public static string RewriteHistory(string path, IReadOnlyDictionary<string, string> files)
    {
        Directory.Delete(path, recursive: true);
        var recreated = Create(Path.GetFileName(path), files);
        Directory.Move(recreated, path);
        Directory.Delete(Path.GetDirectoryName(recreated)!);
        return HeadSha(path);
    }

    /// <summary>Adds a branch named <paramref name="name"/> at the current commit.</summary>
    public static void Branch(string path, string name)
    {
        using var repository = new Repository(path);
        repository.Branches.Add(name, repository.Head.Tip);
    }

    public static string HeadSha(string path)
    {
        using var repository = new Repository(path);
        return repository.Head.Tip.Sha;
    }
}
