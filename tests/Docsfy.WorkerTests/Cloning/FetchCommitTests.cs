using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// <see cref="RepositoryCloner.FetchCommitAsync"/>: an incremental run brings the commit it compares against into its
/// checkout. Over loopback smart HTTP (shallow clones) and local paths (full clones); never the internet.
/// </summary>
public sealed class FetchCommitTests : IDisposable
{
    private readonly SourceRepository _source = new();
    private readonly TempFolder _served = new();
    private readonly TempFolder _scratch = new();

    [Fact]
    public async Task A_shallow_http_clone_fetches_an_older_commit_and_keeps_its_working_tree()
    {
        var shas = CommitVersions(6);
        using var server = Serve();
        var (cloner, source, checkout) = await CloneOverHttpAsync(server);
        using (var shallow = new Repository(checkout.Directory))
        {
            Assert.Null(shallow.Lookup<Commit>(shas[1]));
        }
        var workingTree = WorkingTree(checkout.Directory);

        var found = await cloner.FetchCommitAsync(source, checkout, shas[1], default).WaitAsync(Cloners.Bound);

        Assert.True(found);
        Assert.Equal(workingTree, WorkingTree(checkout.Directory));
        using (var clone = new Repository(checkout.Directory))
        {
            Assert.Equal(shas[^1], clone.Head.Tip.Sha);
            Assert.Empty(clone.RetrieveStatus());
        }
        var diff = RepositoryDiff.Between(checkout.Directory, shas[1], checkout.CommitSha);
        var readme = Assert.Single(diff.Files);
        Assert.Contains("-version 1", readme.Patch, StringComparison.Ordinal);
        Assert.Contains("+version 5", readme.Patch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_the_server_no_longer_has_is_not_found_and_nothing_throws()
    {
        var shas = CommitVersions(3);
        // The branch is rewritten from its first commit on: the later commits are gone from the served repository.
        _source.Repository.Refs.UpdateTarget("refs/heads/main", shas[0]);
        _source.Commit("rewritten", ("README.md", "rewritten"));
        using var server = Serve();
        var (cloner, source, checkout) = await CloneOverHttpAsync(server);

        Assert.False(await cloner.FetchCommitAsync(source, checkout, shas[2], default).WaitAsync(Cloners.Bound));
        Assert.False(await cloner.FetchCommitAsync(source, checkout, new string('7', 40), default).WaitAsync(Cloners.Bound));
    }

    [Fact]
    public async Task A_commit_already_in_a_local_full_clone_needs_no_source()
    {
        var shas = CommitVersions(3);
        var (cloner, source, checkout) = await CloneLocallyAsync();
        // Proves nothing is fetched: the source is unusable from here on.
        Directory.Delete(Path.Combine(_source.Path, ".git"), recursive: true);

        Assert.True(await cloner.FetchCommitAsync(source, checkout, shas[0], default).WaitAsync(Cloners.Bound));
    }

    [Fact]
    public async Task A_commit_further_back_than_the_deepest_fetch_is_not_found()
    {
        var shas = CommitVersions(6);
        using var server = Serve();
        var (cloner, source, checkout) = await CloneOverHttpAsync(server, historyDepths: [1, 2]);

        Assert.True(await cloner.FetchCommitAsync(source, checkout, shas[4], default).WaitAsync(Cloners.Bound));
        Assert.False(await cloner.FetchCommitAsync(source, checkout, shas[3], default).WaitAsync(Cloners.Bound));
    }

    [Fact]
    public async Task A_server_that_hands_out_reachable_commits_by_name_needs_no_deepening()
    {
        var shas = CommitVersions(6);
        using var server = Serve();
        using (var served = new Repository(Path.Combine(_served.Path, "demo.git")))
        {
            served.Config.Set("uploadpack.allowReachableSHA1InWant", true);
        }
        // No deepening at all: only the fetch by name can find the commit.
        var (cloner, source, checkout) = await CloneOverHttpAsync(server, historyDepths: []);

        Assert.True(await cloner.FetchCommitAsync(source, checkout, shas[0], default).WaitAsync(Cloners.Bound));
        Assert.Single(RepositoryDiff.Between(checkout.Directory, shas[0], checkout.CommitSha).Files);
    }

    [Fact]
    public async Task A_local_full_clone_fetches_a_commit_it_lacks_by_name()
    {
        CommitVersions(2);
        _source.SwitchToNewBranch("other");
        var other = _source.Commit("elsewhere", ("README.md", "other\n"));
        var (cloner, source, checkout) = await CloneLocallyAsync();

        Assert.True(await cloner.FetchCommitAsync(source, checkout, other, default).WaitAsync(Cloners.Bound));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a sha")]
    [InlineData("abc123")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public async Task A_string_that_is_not_a_commit_id_is_not_found(string sha)
    {
        CommitVersions(1);
        var (cloner, source, checkout) = await CloneLocallyAsync();

        Assert.False(await cloner.FetchCommitAsync(source, checkout, sha, default).WaitAsync(Cloners.Bound));
    }

    /// <summary>Commits README.md as "version 0", "version 1", ... on main; returns the SHAs, oldest first.</summary>
    private string[] CommitVersions(int count) =>
        [.. Enumerable.Range(0, count).Select(i => _source.Commit($"v{i}", ("README.md", $"version {i}\n")))];

    private async Task<(RepositoryCloner, RepositorySource, Checkout)> CloneOverHttpAsync(GitHttpServer server,
        int[]? historyDepths = null)
    {
        var cloner = Cloners.Create(o =>
        {
            o.AllowLoopbackHosts = true;
            o.HistoryDepths = historyDepths ?? o.HistoryDepths;
        });
        var source = new RepositorySource(server.UrlOf("demo.git"), null, "main");
        return (cloner, source, await cloner.CloneAsync(source, _scratch.Child("co"), default).WaitAsync(Cloners.Bound));
    }

    private async Task<(RepositoryCloner, RepositorySource, Checkout)> CloneLocallyAsync()
    {
        var cloner = Cloners.Create();
        return (cloner, new RepositorySource(null, _source.Path, "main"),
            await cloner.CloneLocalAsync(_source.Path, "main", _scratch.Child("co")));
    }

    /// <summary>Serves a bare copy of the source repository as it is now, as <c>demo.git</c>.</summary>
    private GitHttpServer Serve()
    {
        Repository.Clone(_source.Path, Path.Combine(_served.Path, "demo.git"), new LibGit2Sharp.CloneOptions { IsBare = true });
        return new GitHttpServer(_served.Path);
    }

    /// <summary>Every file outside .git with its content, to prove a fetch leaves the checkout as it was.</summary>
    private static string[] WorkingTree(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(directory, file).StartsWith(".git", StringComparison.Ordinal))
            .Select(file => $"{Path.GetRelativePath(directory, file)}={File.ReadAllText(file)}")
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        _source.Dispose();
        _served.Dispose();
        _scratch.Dispose();
    }
}
