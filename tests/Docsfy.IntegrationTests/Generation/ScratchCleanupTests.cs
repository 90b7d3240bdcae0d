using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// A run's scratch folder (its checkout and prompt files) is gone once the run ends, however it ends, even when the
/// repository holds a file name that is not valid UTF-8 (which .NET cannot delete by name): otherwise anyone could fill
/// the worker's disk by generating from such a repository again and again.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class ScratchCleanupTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> Files = new()
    {
        ["README.md"] = "# Raw\n\nA repository with a file name that is not UTF-8.\n",
        ["src/main.c"] = "int main(void) { return 0; }\n",
    };

    [Fact]
    public async Task Scratch_is_gone_after_ready_error_and_abort_with_a_name_that_is_not_utf8()
    {
        using var client = fixture.Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, DocsfyAppHost.AdminKey);

        var ready = Repository("scratch-ready");
        var readyRun = await StartAsync(client, ready, "offline", "markdown");
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, Path.GetFileName(ready), RunTimeout))
            .StatusChange.GetProperty("status").GetString());
        await AssertScratchGoneAsync(readyRun);

        var failing = Repository("scratch-error", "DOCSFY_FAKE_GARBAGE");
        var failingRun = await StartAsync(client, failing, "claude", FakeAi.UniqueModel());
        Assert.Equal("error", (await RunWatcher.UntilFinishedAsync(socket, Path.GetFileName(failing), RunTimeout))
            .StatusChange.GetProperty("status").GetString());
        await AssertScratchGoneAsync(failingRun);

        var hanging = Repository("scratch-abort", "DOCSFY_FAKE_HANG");
        var model = FakeAi.UniqueModel();
        var hangingRun = await StartAsync(client, hanging, "claude", model);
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the fake AI to start", RunTimeout);
        // While the run works, its checkout is where this test looks, raw-named file included.
        Assert.Single(Directory.GetFiles(Path.Combine(Scratch(hangingRun), "checkout"), "blob*.bin"));
        (await client.PostAsync($"/api/projects/{Path.GetFileName(hanging)}/abort", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("aborted", (await RunWatcher.UntilFinishedAsync(socket, Path.GetFileName(hanging), RunTimeout))
            .StatusChange.GetProperty("status").GetString());
        await AssertScratchGoneAsync(hangingRun);
    }

    private static string Repository(string prefix, string? marker = null)
    {
        var files = new Dictionary<string, string>(Files);
        if (marker is not null)
        {
            files[marker] = "";
        }
        var path = GitRepositories.Create(DocsfyAppFixture.UniqueName(prefix), files);
        GitRepositories.CommitRawNamedFile(path, "blob\\377.bin");
        return path;
    }

    private static async Task<Guid> StartAsync(DocsfyClient client, string repository, string provider, string model)
    {
        var started = await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = provider, ai_model = model });
        started.AssertStatus(HttpStatusCode.Accepted);
        return Guid.Parse(started.String("generation_id"));
    }

    private string Scratch(Guid runId) => Path.Combine(fixture.Host.ScratchDirectory, runId.ToString("N"));

    /// <summary>An abort ends the run in the API at once, before the worker has stopped it, so this waits for the worker.</summary>
    private Task AssertScratchGoneAsync(Guid runId) =>
        Eventually.HoldsAsync(() => !Directory.Exists(Scratch(runId)), $"the scratch folder of run {runId} to be deleted",
            TimeSpan.FromSeconds(20));
}
