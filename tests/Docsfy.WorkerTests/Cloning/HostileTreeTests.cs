using System.Diagnostics;
using System.Text;
using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// Trees no git client would write but anyone can push (written here with <c>git hash-object --literally</c>): the clone
/// is refused before anything is checked out, with a message that names the path and says why.
/// </summary>
public sealed class HostileTreeTests : IDisposable
{
    private readonly SourceRepository _source = new();
    private readonly TempFolder _scratch = new();

    [Theory]
    [InlineData("..", "'..'", "lead outside the checkout folder")]
    [InlineData("../../x", "'../../x'", "lead outside the checkout folder")]
    [InlineData("a/b", "'a/b'", "would name a file in another folder")]
    [InlineData(".git", "'.git'", "reserved for git's own files")]
    public async Task A_hostile_name_at_the_top_is_refused_saying_what_and_why(string name, string shown, string why)
    {
        var blob = _source.Blob("x").Sha;
        Commit(WriteTree(("100644", name, blob), ("100644", "README.md", blob)));

        await AssertRefusedAsync(shown, why);
    }

    [Theory]
    [InlineData(".GIT")]
    [InlineData(".Git.")]
    public async Task A_folder_that_git_reads_as_its_own_is_refused_however_it_is_spelled(string folder)
    {
        var blob = _source.Blob("[core]\n\tfsmonitor = touch /tmp/pwned\n").Sha;
        Commit(WriteTree(("40000", folder, WriteTree(("100644", "config", blob)))));

        await AssertRefusedAsync($"'{folder}'", "reserved for git's own files");
    }

    private async Task AssertRefusedAsync(string shownPath, string why)
    {
        var target = _scratch.Child("co");
        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create().CloneLocalAsync(_source.Path, "main", target));

        Assert.StartsWith($"The repository holds a path Docsfy refuses to check out, {shownPath}", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    /// <summary>Writes a tree object exactly as given, bypassing git's checks of entry names; returns its id.</summary>
    private string WriteTree(params (string Mode, string Name, string Sha)[] entries)
    {
        using var tree = new MemoryStream();
        foreach (var (mode, name, sha) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            tree.Write(Encoding.UTF8.GetBytes($"{mode} {name}\0"));
            tree.Write(Convert.FromHexString(sha));
        }
        return RunGit(["hash-object", "-t", "tree", "--literally", "-w", "--stdin"], tree.ToArray());
    }

    private void Commit(string tree)
    {
        var commit = RunGit(["-c", "user.name=t", "-c", "user.email=t@t", "commit-tree", tree, "-m", "hostile"], []);
        RunGit(["update-ref", "refs/heads/main", commit], []);
    }

    private string RunGit(string[] arguments, byte[] input)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = _source.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        git.StandardInput.BaseStream.Write(input);
        git.StandardInput.Close();
        var output = git.StandardOutput.ReadToEndAsync();
        var errors = git.StandardError.ReadToEndAsync();
        Assert.True(git.WaitForExit(30_000), "git timed out");
        Assert.True(git.ExitCode == 0, errors.Result);
        return output.Result.Trim();
    }

    public void Dispose()
    {
        _source.Dispose();
        _scratch.Dispose();
    }
}
