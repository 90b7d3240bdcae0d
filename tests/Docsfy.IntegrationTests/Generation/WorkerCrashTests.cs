using System.Net;
using Docsfy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// A worker killed mid-run must not leave its variant generating (the API takes the run over when heartbeats stop, and
/// ends it when no worker is there to continue it), nor its AI tool and scratch folder behind (the next worker on the
/// machine ends and deletes them). Runs that continue on the next worker are <see cref="ResumeTests"/>.
/// </summary>
[Collection(DisruptionCollection.Name)]
public sealed class WorkerCrashTests(DisruptionFixture fixture)
{
    [Fact]
    public async Task A_run_whose_worker_is_killed_ends_in_error_and_the_next_worker_ends_what_it_left_behind()
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
        var runId = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "claude", ai_model = model })).AssertStatus(HttpStatusCode.Accepted)
            .String("generation_id");
        await RunWatcher.UntilStageAsync(socket, name, "planning", TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the planning call's AI tool to start", TimeSpan.FromMinutes(1));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ResourceProcesses.KillLeavingChildrenAsync(host.App, "worker", timeout.Token);
        // Killed outright, the worker could not stop its AI tool (nor, below, delete the run's checkout).
        Assert.NotEmpty(FakeAi.Processes(model));

        var run = await RunWatcher.UntilFinishedAsync(socket, name,
            DocsfyAppHost.WorkerHeartbeatTimeout * 4 + DisruptionFixture.NoWorkerTimeout * 2);
        Assert.Contains(run.Progress, p => p.GetProperty("error_message").GetString()?.StartsWith("Resumed after the worker was lost",
            StringComparison.Ordinal) == true);
        Assert.Equal("error", run.StatusChange.GetProperty("status").GetString());
        Assert.Contains("no worker is running", run.StatusChange.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", run.SyncedVariant(name).GetProperty("status").GetString());

        var scratch = Path.Combine(host.ScratchDirectory, Guid.Parse(runId).ToString("N"));
        Assert.True(Directory.Exists(scratch));
        try
        {
            var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
            using var restart = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var started = await commands.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, restart.Token);
            Assert.True(started.Success, started.Message);

            // The worker that starts next on this machine finds both by the dead worker's mark and removes them.
            await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count == 0 && !Directory.Exists(scratch),
                "the dead worker's AI tool and scratch folder to be gone", TimeSpan.FromMinutes(2));
        }
        finally
        {
            FakeAi.Kill(model);
        }
    }
}
