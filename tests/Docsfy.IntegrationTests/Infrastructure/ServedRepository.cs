using Docsfy.WorkerTests.Cloning;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// A local repository served over smart HTTP on 127.0.0.1, so a run can name it by <c>repo_url</c> as a regular user
/// must (only admins may name a path on the server). The test app host allows loopback hosts for exactly this.
/// </summary>
public sealed class ServedRepository : IDisposable
{
    private readonly GitHttpServer _server;

    private ServedRepository(string path)
    {
        Path = path;
        _server = new GitHttpServer(System.IO.Path.GetDirectoryName(path)!);
    }

    /// <summary>The repository on disk (commit to it with <see cref="GitRepositories.Commit"/>).</summary>
    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public string Url => _server.UrlOf(Name);

    /// <summary>
    /// Makes the repository private: from now on the server answers only requests carrying this HTTP Basic
    /// authentication, as a git host does for a private repository and its token.
    /// </summary>
    public void RequireBasicAuth(string username, string password) => _server.RequiredBasicAuth = (username, password);

    public static ServedRepository Create(string prefix, IReadOnlyDictionary<string, string> files) =>
        new(GitRepositories.Create(DocsfyAppFixture.UniqueName(prefix), files));

    public void Dispose() => _server.Dispose();
}
