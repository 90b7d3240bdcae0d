using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.BrowserTests.Infrastructure;

/// <summary>Local repositories for the browser tests (created with the distributed tests' <see cref="GitRepositories"/>).</summary>
public static class Repositories
{
    public static readonly IReadOnlyDictionary<string, string> Sample = new Dictionary<string, string>
    {
        ["README.md"] = "# Sample library\n\nA sample library that the browser tests document.\n\n## Install\n\nCopy it.\n",
        ["docs/guide.md"] = "# User guide\n\nHow to use the sample.\n",
        ["docs/faq.md"] = "# Questions\n\nAnswers to what people ask.\n",
        ["src/sample.c"] = "int sample(void) { return 42; }\n",
        ["tests/sample_test.c"] = "int main(void) { return 0; }\n",
    };

    public static string Create(string prefix) => GitRepositories.Create(DocsfyAppFixture.UniqueName(prefix), Sample);

    /// <summary>
    /// A repository whose run with <see cref="BrowserFixture.GatedProvider"/> holds at 2 of 3 pages until
    /// <paramref name="gate"/> exists (see Assets/gated-ai.sh).
    /// </summary>
    public static string CreateGated(string prefix, string gate) =>
        GitRepositories.Create(DocsfyAppFixture.UniqueName(prefix),
            new Dictionary<string, string>(Sample) { ["DOCSFY_FAKE_GATE"] = gate });

    /// <summary>A path that does not exist yet; creating the file opens the gate.</summary>
    public static string NewGatePath() => Path.Combine(Directory.CreateTempSubdirectory("docsfy-gate-").FullName, "open");

    public static string NameOf(string repository) => Path.GetFileName(repository);

    /// <summary>Starts an <c>offline</c> run of a new sample repository as the admin, through the REST API; returns its name.</summary>
    public static async Task<string> StartOfflineRunAsync(DocsfyAppHost host, string prefix)
    {
        var repository = Create(prefix);
        await StartOfflineRunAsync(host, repository, "main");
        return NameOf(repository);
    }

    /// <summary>Starts an <c>offline</c> run of <paramref name="repository"/> on <paramref name="branch"/> as the admin.</summary>
    public static async Task StartOfflineRunAsync(DocsfyAppHost host, string repository, string branch)
    {
        using var client = host.Client();
        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, branch, ai_provider = "offline", ai_model = "markdown" })).AssertStatus(HttpStatusCode.Accepted);
    }
}
