using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// A resumed run clones the commit its first attempt documented, wherever the branch has moved since
/// (docs/design/pipeline.md §12). Over loopback smart HTTP (shallow clones) and local paths; never the internet.
/// </summary>
public sealed class PinnedCloneTests : IDisposable
{
    private readonly SourceRepository _source = new();
    private readonly TempFolder _served = new();
    private readonly TempFolder _scratch = new();

    [Fact]
    public async Task A_shallow_http_clone_checks_out_the_pinned_commit_not_the_head_the_branch_moved_to()
    {
        var pinned = _source.Commit("documented", ("README.md", "documented\n"));
        _source.Commit("moved on", ("README.md", "moved on\n"), ("NEW.md", "new\n"));
        Repository.Clone(_source.Path, Path.Combine(_served.Path, "demo.git"), new LibGit2Sharp.CloneOptions { IsBare = true });
        using var server = new GitHttpServer(_served.Path);
        var cloner = Cloners.Create(o => o.AllowLoopbackHosts = true);

        var checkout = await cloner.CloneAsync(new RepositorySource(server.UrlOf("demo.git"), null, "main", Commit: pinned),
            _scratch.Child("co"), default).WaitAsync(Cloners.Bound);

        Assert.Equal(pinned, checkout.CommitSha);
        Assert.Equal("documented\n", File.ReadAllText(Path.Combine(checkout.Directory, "README.md")));
        Assert.False(File.Exists(Path.Combine(checkout.Directory, "NEW.md")));
    }

    [Fact]
    public async Task A_local_clone_pinned_to_its_head_is_the_head()
    {
        _source.Commit("first", ("README.md", "first\n"));
        var head = _source.Commit("second", ("README.md", "second\n"));

        var checkout = await Cloners.Create().CloneAsync(new RepositorySource(null, _source.Path, "main", Commit: head),
            _scratch.Child("co"), default).WaitAsync(Cloners.Bound);

        Assert.Equal(head, checkout.CommitSha);
        Assert.Equal("second\n", File.ReadAllText(Path.Combine(checkout.Directory, "README.md")));
    }

    [Fact]
    public async Task A_pinned_commit_the_branch_no_longer_has_fails_the_clone_with_a_reason_and_leaves_nothing()
    {
        var first = _source.Commit("first", ("README.md", "first\n"));
        var rewritten = _source.Commit("gone", ("README.md", "gone\n"));
        _source.Repository.Refs.UpdateTarget("refs/heads/main", first);
        _source.Commit("rewritten", ("README.md", "rewritten\n"));
        Repository.Clone(_source.Path, Path.Combine(_served.Path, "demo.git"), new LibGit2Sharp.CloneOptions { IsBare = true });
        using var server = new GitHttpServer(_served.Path);
        var target = _scratch.Child("co");

        var failure = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("demo.git"), null, "main", Commit: rewritten), target, default)
            .WaitAsync(Cloners.Bound));

        Assert.Contains(rewritten, failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Theory]
    [InlineData("not a sha")]
    [InlineData("abc123")]
    public async Task A_pinned_commit_that_is_no_commit_id_is_refused_before_anything_is_fetched(string commit)
    {
        _source.Commit("first", ("README.md", "first\n"));

        await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create()
            .CloneAsync(new RepositorySource(null, _source.Path, "main", Commit: commit), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));
    }

    public void Dispose()
    {
        _source.Dispose();
        _served.Dispose();
        _scratch.Dispose();
    }
}
