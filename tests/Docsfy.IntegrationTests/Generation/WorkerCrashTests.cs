using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>A worker killed mid-run must not leave its variant generating: the API ends the run when heartbeats stop.</summary>
[Collection(DisruptionCollection.Name)]
public sealed class WorkerCrashTests(DisruptionFixture fixture)
{
    [Fact]
    public async Task A_run_whose_worker_is_killed_ends_in_error_within_the_heartbeat_timeout()
    {
        var host = fixture.Host;
        var name = DocsfyAppFixture.UniqueName("crash");
        var repository = GitRepositories.Create(name, new Dictionary<string, string>
        {
            ["README.md"] = "# Crash\n",
            ["DOCSFY_FAKE_HANG"] = "",
        });
        var model = FakeAi.UniqueModel();
        using var client = host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey);
        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "claude", ai_model = model })).AssertStatus(HttpStatusCode.Accepted);
        await RunWatcher.UntilStageAsync(socket, name, "planning", TimeSpan.FromMinutes(2));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ResourceProcesses.KillAsync(host.App, "worker", timeout.Token);

        var run = await RunWatcher.UntilFinishedAsync(socket, name, DocsfyAppHost.WorkerHeartbeatTimeout * 4);
        Assert.Equal("error", run.StatusChange.GetProperty("status").GetString());
        Assert.Contains("stopped responding", run.StatusChange.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", run.SyncedVariant(name).GetProperty("status").GetString());

        // A killed worker's AI tool outlives it (on a real host its own timeout ends it); end it so it holds nothing.
        FakeAi.Kill(model);
    }
}
