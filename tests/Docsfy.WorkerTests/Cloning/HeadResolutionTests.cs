using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// Reading a branch's head without cloning (like <c>git ls-remote</c>), which lets an up-to-date run skip the clone:
/// over smart HTTP on loopback and from a local path; anything unreadable is null, never an exception.
/// </summary>
public sealed class HeadResolutionTests : IDisposable
{
    private readonly TempFolder _served = new();
    private readonly SourceRepository _source = new("main");

    [Fact]
    public async Task Reads_the_head_of_a_branch_over_http_without_cloning()
    {
        _source.Commit("one", ("README.md", "one"));
        var head = _source.Commit("two", ("README.md", "two"));
        using var server = new GitHttpServer(_served.Path);
        Publish("demo.git");

        var resolved = await Cloners.Create(o => o.AllowLoopbackHosts = true)
            .ResolveHeadAsync(new RepositorySource(server.UrlOf("demo.git"), null, "main"), default).WaitAsync(Cloners.Bound);

        Assert.Equal(head, resolved);
    }

    [Fact]
    public async Task Reads_the_head_of_a_local_repository_branch()
    {
        _source.Commit("one", ("README.md", "one"));
        _source.SwitchToNewBranch("develop");
        var head = _source.Commit("two", ("README.md", "two"));

        var resolved = await Cloners.Create().ResolveHeadAsync(new RepositorySource(null, _source.Path, "develop"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Equal(head, resolved);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("bad..name")]
    public async Task A_branch_that_does_not_exist_or_cannot_exist_has_no_head(string branch)
    {
        _source.Commit("one", ("README.md", "one"));

        var resolved = await Cloners.Create().ResolveHeadAsync(new RepositorySource(null, _source.Path, branch), default)
            .WaitAsync(Cloners.Bound);

        Assert.Null(resolved);
    }

    [Fact]
    public async Task A_loopback_host_is_refused_unless_allowed_and_the_answer_is_null()
    {
        _source.Commit("one", ("README.md", "one"));
        using var server = new GitHttpServer(_served.Path);
        Publish("demo.git");

        var resolved = await Cloners.Create().ResolveHeadAsync(new RepositorySource(server.UrlOf("demo.git"), null, "main"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Null(resolved);
    }

    private void Publish(string folderName) =>
        Repository.Clone(_source.Path, Path.Combine(_served.Path, folderName), new LibGit2Sharp.CloneOptions { IsBare = true });

    public void Dispose()
    {
        _source.Dispose();
        _served.Dispose();
    }
}
