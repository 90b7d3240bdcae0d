using Docsfy.Credentials;
using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// Private repositories over smart HTTP: a loopback server that demands Basic authentication, as GitHub or GitLab do for
/// a private repository. The token goes in a header only, never into the checkout or an error.
/// </summary>
public sealed class PrivateHttpCloneTests : IDisposable
{
    private const string Token = "github_pat_11AAAA-secret-token-value";

    private readonly TempFolder _served = new();
    private readonly TempFolder _scratch = new();

    [Fact]
    public async Task Clones_with_the_projects_token_and_leaves_it_nowhere_in_the_checkout()
    {
        var sha = Serve("private.git");
        using var server = new GitHttpServer(_served.Path) { RequiredBasicAuth = ("x-access-token", Token) };

        var checkout = await Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("private.git"), null, "main", RepositoryCredential.Token("x-access-token", Token)),
                _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Equal(sha, checkout.CommitSha);
        var config = await File.ReadAllTextAsync(Path.Combine(checkout.Directory, ".git", "config"));
        Assert.Contains(server.UrlOf("private.git"), config);
        Assert.DoesNotContain(Token, config);
        Assert.DoesNotContain(Token, string.Concat(Directory.EnumerateFiles(Path.Combine(checkout.Directory, ".git"), "*", SearchOption.AllDirectories)
            .Where(file => new FileInfo(file).Length < 64 * 1024).Select(File.ReadAllText)));
    }

    [Fact]
    public async Task Without_credentials_the_clone_fails_saying_authentication_failed()
    {
        Serve("private.git");
        using var server = new GitHttpServer(_served.Path) { RequiredBasicAuth = ("x-access-token", Token) };

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("private.git"), null, "main"), _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.StartsWith($"Authentication failed for {server.UrlOf("private.git")}", error.Message);
        Assert.Contains("set the project's credentials", error.Message);
        Assert.False(Directory.Exists(_scratch.Child("co")));
    }

    [Fact]
    public async Task A_wrong_token_fails_cleanly_and_the_message_names_no_token()
    {
        Serve("private.git");
        using var server = new GitHttpServer(_served.Path) { RequiredBasicAuth = ("x-access-token", Token) };
        const string wrong = "glpat-wrong-token-value";

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("private.git"), null, "main", RepositoryCredential.Token("oauth2", wrong)),
                _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.StartsWith($"Authentication failed for {server.UrlOf("private.git")}: the project's token was refused", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.True(server.RefusedRequests > 0);
    }

    [Fact]
    public async Task An_ssh_key_for_an_https_url_is_not_sent_and_the_message_says_why()
    {
        Serve("private.git");
        using var server = new GitHttpServer(_served.Path) { RequiredBasicAuth = ("x-access-token", Token) };

        var error = await Assert.ThrowsAsync<CloneFailedException>(() => Cloners.Create(o => o.AllowLoopbackHosts = true)
            .CloneAsync(new RepositorySource(server.UrlOf("private.git"), null, "main", RepositoryCredential.SshKey("key", null)),
                _scratch.Child("co"), default)
            .WaitAsync(Cloners.Bound));

        Assert.Contains("an ssh key, which an https URL cannot use", error.Message);
    }

    [Fact]
    public async Task The_head_check_uses_the_token_too()
    {
        var sha = Serve("private.git");
        using var server = new GitHttpServer(_served.Path) { RequiredBasicAuth = ("x-access-token", Token) };
        var cloner = Cloners.Create(o => o.AllowLoopbackHosts = true);

        var withToken = await cloner.ResolveHeadAsync(new RepositorySource(server.UrlOf("private.git"), null, "main",
            RepositoryCredential.Token("x-access-token", Token)), default).WaitAsync(Cloners.Bound);
        var without = await cloner.ResolveHeadAsync(new RepositorySource(server.UrlOf("private.git"), null, "main"), default)
            .WaitAsync(Cloners.Bound);

        Assert.Equal(sha, withToken);
        Assert.Null(without);
    }

    [Fact]
    public void A_source_holding_a_credential_prints_without_its_secret()
    {
        var source = new RepositorySource("https://example.com/o/r.git", null, "main", RepositoryCredential.Token("x-access-token", Token));

        Assert.DoesNotContain(Token, source.ToString());
        Assert.Contains("https_token", source.ToString());
    }

    private string Serve(string folderName)
    {
        using var source = new SourceRepository("main");
        var sha = source.Commit("private", ("README.md", "private"));
        Repository.Clone(source.Path, Path.Combine(_served.Path, folderName), new LibGit2Sharp.CloneOptions { IsBare = true });
        return sha;
    }

    public void Dispose()
    {
        _served.Dispose();
        _scratch.Dispose();
    }
}
