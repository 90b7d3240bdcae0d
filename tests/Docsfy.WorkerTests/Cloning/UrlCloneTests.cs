using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>URL clones against loopback servers (smart HTTP, <c>git daemon</c>, a silent one): never the internet.</summary>
public sealed class UrlCloneTests : IDisposable
{
    private readonly TempFolder _served = new();
    private readonly TempFolder _scratch = new();

    [Fact]
    public async Task Clones_a_branch_shallowly_over_http()
    {
        var sha = Serve("demo.git", "main", "one", "two", "three");
        using var server = new GitHttpServer(_served.Path);

        var checkout = await Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("demo.git"), null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Equal(sha, checkout.CommitSha);
        Assert.Equal("three", await File.ReadAllTextAsync(Path.Combine(checkout.Directory, "README.md")));
        using var clone = new Repository(checkout.Directory);
        Assert.True(clone.Info.IsShallow);
        Assert.Single(clone.Commits);
    }

    [Fact]
    public async Task Clones_a_branch_over_the_git_protocol()
    {
        // libgit2 cannot fetch shallowly over git:// (see CloneOrigin), so this clone is full.
        var sha = Serve("demo.git", "develop", "one", "two");
        using var daemon = await GitDaemon.StartAsync(_served.Path);

        var checkout = await Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(daemon.UrlOf("demo.git"), null, "develop"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Equal(sha, checkout.CommitSha);
        Assert.Equal("two", await File.ReadAllTextAsync(Path.Combine(checkout.Directory, "README.md")));
    }

    [Fact]
    public async Task Redirects_to_another_host_are_not_followed()
    {
        // The host check passes for the first host only: a redirect must not carry the clone anywhere else.
        Serve("demo.git", "main", "one");
        using var server = new GitHttpServer(_served.Path);
        using var redirect = new RedirectServer($"http://localhost:{server.Port}");

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(redirect.UrlOf("demo.git"), null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.Contains("redirect", error.Message);
    }

    [Fact]
    public async Task Loopback_servers_are_refused_unless_allowed()
    {
        Serve("demo.git", "main", "one");
        using var server = new GitHttpServer(_served.Path);

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create()
            .CloneAsync(new RepositorySource(server.UrlOf("demo.git"), null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.Contains("not a public internet address", error.Message);
    }

    [Fact]
    public async Task A_missing_branch_over_the_network_fails_with_a_clear_message()
    {
        Serve("demo.git", "main", "one");
        using var server = new GitHttpServer(_served.Path);

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("demo.git"), null, "nope"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.Equal("The branch 'nope' does not exist in the repository.", error.Message);
    }

    [Fact]
    public async Task A_missing_repository_fails_with_a_clear_message()
    {
        using var server = new GitHttpServer(_served.Path);

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("missing.git"), null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.DoesNotContain("   at ", error.Message);
        Assert.Contains("repository", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1/x.git")]
    [InlineData("http://localhost/x.git")]
    [InlineData("http://[::ffff:127.0.0.1]/x")]
    [InlineData("http://169.254.169.254/latest")]
    [InlineData("https://user:pw@github.com/a/b")]
    [InlineData("file:///etc")]
    [InlineData("git://127.0.0.1/x")]
    public async Task Refuses_unsafe_urls_at_clone_time(string url)
    {
        var target = _scratch.Child("co");

        await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create()
            .CloneAsync(new RepositorySource(url, null, "main"), target, default).WaitAsync(Cloners.Bound));

        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Refuses_a_host_that_does_not_resolve()
    {
        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create()
            .CloneAsync(new RepositorySource("https://nonexistent.invalid/a/b.git", null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.Contains("could not be resolved", error.Message);
    }

    [Fact]
    public async Task Cancelling_a_clone_blocked_on_a_silent_server_returns_promptly()
    {
        using var server = new SilentServer();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var target = _scratch.Child("co");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.Url, null, "main"), target, cancel.Token)
            .WaitAsync(Cloners.Bound));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_clone_past_the_time_limit_fails_with_a_clear_message(bool overHttp)
    {
        using var server = new SilentServer();

        var error = await Assert.ThrowsAsync<CloneFailedException>(() =>
            Cloners.Create(o => { o.AllowLoopbackHosts = true; o.Timeout = TimeSpan.FromSeconds(1); })
                .CloneAsync(new RepositorySource(overHttp ? server.HttpUrl : server.Url, null, "main"), _scratch.Child("co"), default)
                .WaitAsync(Cloners.Bound));

        Assert.Contains("time limit", error.Message);
    }

    /// <summary>Puts a bare repository with one commit per text on <paramref name="branch"/> in the served folder.</summary>
    private string Serve(string folderName, string branch, params string[] readmeVersions)
    {
        using var source = new SourceRepository(branch);
        var sha = "";
        foreach (var text in readmeVersions)
        {
            sha = source.Commit(text, ("README.md", text));
        }
        Repository.Clone(source.Path, Path.Combine(_served.Path, folderName), new LibGit2Sharp.CloneOptions { IsBare = true });
        return sha;
    }

    public void Dispose()
    {
        _served.Dispose();
        _scratch.Dispose();
    }
}
