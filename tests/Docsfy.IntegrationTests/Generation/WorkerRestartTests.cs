using System.Globalization;
using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// Run mode: a worker that dies is started again by the app host, so a crash does not leave a local install without
/// one; a worker someone stops stays stopped.
/// </summary>
[Collection(WorkerRestartCollection.Name)]
public sealed class WorkerRestartTests(WorkerRestartFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_worker_killed_mid_run_is_started_again_its_children_are_ended_and_a_run_posted_meanwhile_ends_ready()
    {
        var host = fixture.Host;
        var (instance, killedPid) = await RunningWorkerAsync(host);
        var name = DocsfyAppFixture.UniqueName("restart");
        var model = FakeAi.UniqueModel();
        using var client = host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey);
        try
        {
            var hanging = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin, new
            {
                repo_path = GitRepositories.Create(name, GenerationTests.HangingFiles), ai_provider = "claude", ai_model = model,
            })).AssertStatus(HttpStatusCode.Accepted).String("generation_id");
            await RunWatcher.UntilStageAsync(socket, name, "planning", Bound);
            await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count > 0, "the planning call's AI tool to start", Bound);

            // The worker service (a child of `dotnet run`) marks every process it starts with its process id.
            var deadWorker = ResourceProcesses.WorkerMarkOf(FakeAi.Processes(model)[0]);
            Assert.NotNull(deadWorker);

            using var timeout = new CancellationTokenSource(Bound);
            // SIGKILL, as a crash or the OOM killer would: no goodbye, and the AI tool it ran is left behind.
            await ResourceProcesses.KillLeavingChildrenAsync(host.App, "worker", timeout.Token);
            Assert.NotEmpty(ResourceProcesses.MarkedBy(deadWorker.Value));

            // The app host notices and says what it does about it, in the worker's own console.
            await Eventually.HoldsAsync(() => host.Logs.Lines.Any(line => IsRestartLine(line, instance)),
                "the app host to log that it restarts the worker", Bound);

            // Posted while no worker runs: it waits in the queue for the one coming back.
            var during = DocsfyAppFixture.UniqueName("during-outage");
            (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin, new
            {
                repo_path = GitRepositories.Create(during, GenerationTests.SampleFiles), ai_provider = "offline",
            })).AssertStatus(HttpStatusCode.Accepted);

            await Eventually.HoldsAsync(() => Worker(host) is { State: var state, Pid: { } pid }
                    && state == KnownResourceStates.Running && pid != killedPid,
                "the worker to run again as a new process", Bound);
            await host.App.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout.Token);

            // The new worker ends what the dead one left: every process it started (the AI tool and that tool's own
            // children), and its run's scratch folder in this app host's scratch directory (which only this app host's
            // worker sweeps). Once the heartbeat timeout passes, the new worker may take the hanging run over as its
            // next attempt, in a folder of the same name and with its own AI tool: those are its own, not leftovers.
            var scratch = Path.Combine(host.ScratchDirectory, Guid.Parse(hanging).ToString("N"));
            await Eventually.HoldsAsync(() => ResourceProcesses.MarkedBy(deadWorker.Value).Count == 0
                    && !IsLeftBy(scratch, deadWorker.Value),
                "the dead worker's processes and scratch folder to be gone", Bound);

            var run = await RunWatcher.UntilFinishedAsync(socket, during, Bound);
            Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());
        }
        finally
        {
            FakeAi.Kill(model);
        }
    }

    [Fact]
    public async Task A_worker_stopped_on_request_stays_stopped_until_started()
    {
        var host = fixture.Host;
        var (instance, _) = await RunningWorkerAsync(host);
        var restartsBefore = host.Logs.Lines.Count(line => IsRestartLine(line, instance));
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            // What the dashboard's Stop button does. The orchestrator waits ~10 s for the process to end; a worker that
            // takes longer to shut down (a loaded machine, `dotnet run` around it) is then reported as Unknown instead of
            // Finished, and the command as failed. Either way it was asked to stop and must not be started again.
            var stop = await host.App.ResourceCommands.ExecuteCommandAsync("worker", KnownResourceCommands.StopCommand, timeout.Token);
            try
            {
                await Eventually.HoldsAsync(() => Worker(host).State is "Finished" or "Unknown", "the worker to stop", Bound);
                if (Worker(host).State == KnownResourceStates.Finished)
                {
                    await Eventually.HoldsAsync(() => host.Logs.Lines.Any(line =>
                            line.Contains($"{instance} was stopped on request", StringComparison.Ordinal)
                            && line.Contains("not restarting it", StringComparison.Ordinal)),
                        "the app host to log that it leaves the stopped worker alone", Bound);
                }
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                throw new Xunit.Sdk.XunitException($"{exception.Message} The Stop command said: {stop.Message}; the worker is "
                    + $"{Worker(host).State}. Its last lines:\n{string.Join('\n', host.Logs.Lines.Where(line => line.StartsWith($"[{instance}]", StringComparison.Ordinal)).TakeLast(30))}");
            }
            Assert.Equal(restartsBefore, host.Logs.Lines.Count(line => IsRestartLine(line, instance)));
            Assert.NotEqual(KnownResourceStates.Running, Worker(host).State);
        }
        finally
        {
            using var restart = new CancellationTokenSource(Bound);
            var started = await host.App.ResourceCommands.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, restart.Token);
            Assert.True(started.Success, started.Message);
            await host.App.ResourceNotifications.WaitForResourceHealthyAsync("worker", restart.Token);
        }
    }

    /// <summary>
    /// Whether <paramref name="scratch"/> is still there as <paramref name="worker"/>'s: its owner file names it, or the
    /// folder is half made or half deleted (no owner file yet or any more).
    /// </summary>
    private static bool IsLeftBy(string scratch, int worker)
    {
        try
        {
            var owner = File.ReadAllText(Path.Combine(scratch, ".docsfy-worker")).Trim();
            return !int.TryParse(owner, CultureInfo.InvariantCulture, out var pid) || pid == worker;
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
        {
            return Directory.Exists(scratch);
        }
    }

    private static bool IsRestartLine(string line, string instance) =>
        line.Contains($"{instance} exited unexpectedly (exit code", StringComparison.Ordinal)
        && line.Contains("; restarting in ", StringComparison.Ordinal)
        && line.Contains("(attempt ", StringComparison.Ordinal);

    /// <summary>Waits until the (single) worker instance is healthy; its instance name and process id.</summary>
    private static async Task<(string Instance, int Pid)> RunningWorkerAsync(DocsfyAppHost host)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var healthy = await host.App.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout.Token);
        await Eventually.HoldsAsync(() => Worker(host).Pid is not null, "the worker's process id", Bound);
        return (healthy.ResourceId, Worker(host).Pid!.Value);
    }

    private static (string? State, int? Pid) Worker(DocsfyAppHost host)
    {
        if (!host.App.ResourceNotifications.TryGetCurrentState("worker", out var current))
        {
            return (null, null);
        }
        var pid = current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        return (current.Snapshot.State?.Text, pid is null ? null : Convert.ToInt32(pid, CultureInfo.InvariantCulture));
    }
}
