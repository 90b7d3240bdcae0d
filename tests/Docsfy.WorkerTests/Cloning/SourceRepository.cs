using System.Diagnostics;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// A git repository a test builds on disk with LibGit2Sharp: files (and links, gitlinks, raw blobs) committed to the
/// current branch. Nothing here touches the network.
/// </summary>
public sealed class SourceRepository : IDisposable
{
    private static readonly Signature Author = new("Docsfy Tests", "tests@docsfy.invalid", DateTimeOffset.UnixEpoch);
    private readonly TempFolder _folder = new();

    public SourceRepository(string initialBranch = "main")
    {
        Repository.Init(Path);
        Repository = new Repository(Path);
        Repository.Refs.UpdateTarget("HEAD", "refs/heads/" + initialBranch);
    }

    public string Path => _folder.Path;

    public Repository Repository { get; }

    /// <summary>Commits <paramref name="files"/> (path → text) on top of the current branch; returns the commit SHA.</summary>
    public string Commit(string message, params (string Path, string Text)[] files) =>
        CommitTree(message, tree =>
        {
            foreach (var (path, text) in files)
            {
                tree.Add(path, Repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))), Mode.NonExecutableFile);
            }
        });

    /// <summary>Commits whatever <paramref name="edit"/> adds to the current tree (links, gitlinks, big blobs).</summary>
    public string CommitTree(string message, Action<TreeDefinition> edit)
    {
        var parent = Repository.Head.Tip;
        var definition = parent is null ? new TreeDefinition() : TreeDefinition.From(parent);
        edit(definition);
        var tree = Repository.ObjectDatabase.CreateTree(definition);
        var commit = Repository.ObjectDatabase.CreateCommit(Author, Author, message, tree,
            parent is null ? [] : [parent], prettifyMessage: true);
        // HEAD names the branch (never detached here), which may not exist yet.
        Repository.Refs.Add(Repository.Refs.Head.TargetIdentifier, commit.Id, "commit", allowOverwrite: true);
        return commit.Sha;
    }

    public Blob Blob(Stream content) => Repository.ObjectDatabase.CreateBlob(content);

    public Blob Blob(string text) => Blob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Creates <paramref name="branch"/> at the current commit and makes it current.</summary>
    public void SwitchToNewBranch(string branch)
    {
        var created = Repository.CreateBranch(branch);
        Repository.Refs.UpdateTarget("HEAD", created.CanonicalName);
    }

    /// <summary>A listing of every file with size and modification time, to prove a clone wrote nothing here.</summary>
    public string[] Snapshot() =>
        Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Select(entry => new FileInfo(entry))
            .Select(info => $"{info.FullName}|{(info.Exists ? info.Length : -1)}|{info.LastWriteTimeUtc.Ticks}")
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Runs the git command line here (for what LibGit2Sharp cannot express, like non-UTF-8 file names).</summary>
    public void Git(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", script])
        {
            WorkingDirectory = Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@t", ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@t" },
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "git timed out");
        Assert.True(process.ExitCode == 0, errors.Result);
    }

    public void Dispose()
    {
        Repository.Dispose();
        _folder.Dispose();
    }
}
