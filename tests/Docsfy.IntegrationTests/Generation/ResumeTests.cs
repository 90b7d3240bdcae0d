using System.Net;
using System.Text.Json;
using Docsfy.Contracts;
using Docsfy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// Runs that survive their worker (docs/design/pipeline.md §12): a run whose worker is killed or shuts down is taken over
/// as the same run and continues from its checkpoint, at most <see cref="ResumeFixture.MaxTakeovers"/> times; an abort
/// wins over a takeover; and nothing an earlier attempt sends counts once the run has moved on.
/// </summary>
[Collection(ResumeCollection.Name)]
public sealed class ResumeTests(ResumeFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private DocsfyAppHost Host => fixture.Host;

    [Fact]
    public async Task A_killed_workers_run_continues_on_the_restarted_worker_without_rewriting_the_pages_it_had_written()
    {
        await EnsureWorkerRunningAsync();
        var (name, repository, gate) = GatedRepository("resume-kill");
        var model = FakeAi.UniqueModel();
        using var client = Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(Host, DocsfyAppHost.AdminKey);
        var runId = await StartAsync(client, repository, model);
        try
        {
            // Two of three pages written (and so checkpointed); the third is held at the gate.
            await UntilCheckpointedAsync(runId, pages: 2);
            await KillWorkerAsync();
            File.WriteAllText(gate, "");
            await StartWorkerAsync();

            var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);

            // With the error message, so a failure says why the run ended.
            Assert.Equal(("ready", null), (run.StatusChange.GetProperty("status").GetString(), ErrorOf(run.StatusChange)));
            Assert.Equal(3, run.StatusChange.GetProperty("page_count").GetInt32());
            var counts = run.Progress.Select(p => p.GetProperty("page_count").GetInt32()).ToList();
            Assert.Equal(counts.Order(), counts);
            Assert.Contains(run.Progress, p => ErrorOf(p)?.Contains("Resumed after the worker was lost", StringComparison.Ordinal) == true);
            Assert.Equal("2", await VariantRows.ColumnAsync(Host, runId, "run_attempt"));
            Assert.Equal(0, await CheckpointRowsAsync(runId));
            var site = await client.GetAsync($"/docs/{name}/main/claude/{model}/usage.html", DocsfyAppFixture.Admin);
            site.AssertStatus(HttpStatusCode.OK);

            // The same repository generated in one go by another model (which replaces this variant once ready): the
            // resumed attempt made exactly the calls of a whole run but the plan and the two pages written before the kill.
            var resumedCalls = await AiCallsOfAsync(name, model);
            var fresh = FakeAi.UniqueModel();
            await StartAsync(client, repository, fresh);
            var whole = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
            Assert.Equal("ready", whole.StatusChange.GetProperty("status").GetString());
            var wholeCalls = await AiCallsOfAsync(name, fresh);
            Assert.Equal(wholeCalls - 3, resumedCalls);
        }
        finally
        {
            File.WriteAllText(gate, "");
            await EnsureWorkerRunningAsync();
        }
    }

    [Fact]
    public async Task A_run_whose_worker_is_lost_every_time_ends_in_error_once_taken_over_as_often_as_allowed()
    {
        await EnsureWorkerRunningAsync();
        var name = DocsfyAppFixture.UniqueName("resume-lost");
        var repository = GitRepositories.Create(name, new Dictionary<string, string>(GenerationTests.HangingFiles));
        var model = FakeAi.UniqueModel();
        using var client = Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(Host, DocsfyAppHost.AdminKey);
        var runId = await StartAsync(client, repository, model);
        try
        {
            for (var attempt = 1; attempt <= ResumeFixture.MaxTakeovers + 1; attempt++)
            {
                await UntilWorkingOnAsync(runId, attempt);
                await KillWorkerAsync();
                if (attempt <= ResumeFixture.MaxTakeovers)
                {
                    await StartWorkerAsync();
                }
            }

            var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);

            Assert.Equal("error", run.StatusChange.GetProperty("status").GetString());
            Assert.Contains($"was lost {ResumeFixture.MaxTakeovers + 1} times", ErrorOf(run.StatusChange), StringComparison.Ordinal);
            Assert.Equal(0, await CheckpointRowsAsync(runId));
        }
        finally
        {
            FakeAi.Kill(model);
            await EnsureWorkerRunningAsync();
        }
    }

    [Fact]
    public async Task An_abort_wins_over_a_takeover_and_an_earlier_attempts_events_change_nothing()
    {
        await EnsureWorkerRunningAsync();
        var name = DocsfyAppFixture.UniqueName("resume-abort");
        var repository = GitRepositories.Create(name, new Dictionary<string, string>(GenerationTests.HangingFiles));
        var model = FakeAi.UniqueModel();
        using var client = Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(Host, DocsfyAppHost.AdminKey);
        var runId = await StartAsync(client, repository, model);
        try
        {
            await UntilWorkingOnAsync(runId, attempt: 1);
            await KillWorkerAsync();
            // Taken over, with no worker to take it: the run waits as a new one would.
            await Eventually.HoldsAsync(async () => await VariantRows.ColumnAsync(Host, runId, "run_attempt") == "2",
                "the run to be taken over", RunTimeout);

            // The first attempt's worker was only cut off and talks again: none of it counts.
            var variant = new VariantKey(name, "main", "claude", model, "admin");
            var before = await VariantRows.ColumnAsync(Host, runId, "page_count");
            await using (var stale = await FakeWorker.StartAsync(Host))
            await using (var barrier = await EventBarrier.CreateAsync(Host, runId, "admin"))
            {
                var late = DateTime.UtcNow.AddDays(1).Ticks;
                await stale.SendAsync(runId, new GenerationProgressed(variant, runId, late, "rendering", 99, null, null, Attempt: 1));
                await stale.SendAsync(runId, new GenerationHeartbeat(runId, "cut-off", Attempt: 1));
                await stale.SendAsync(runId, new GenerationFinished(variant, runId, late + 1, "ready", 99, DateTime.UtcNow, "abc123",
                    null, false, Attempt: 1));
                await barrier.PassAsync(stale);
            }
            Assert.Equal("generating", await VariantRows.ColumnAsync(Host, runId, "status"));
            Assert.Equal(before, await VariantRows.ColumnAsync(Host, runId, "page_count"));
            Assert.Null(await VariantRows.ColumnAsync(Host, runId, "heartbeat_at"));

            (await client.PostAsync($"/api/projects/{name}/abort", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
            var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
            Assert.Equal("aborted", run.StatusChange.GetProperty("status").GetString());
            Assert.DoesNotContain(run.Progress, p => p.GetProperty("page_count").GetInt32() == 99);
            Assert.Equal(0, await CheckpointRowsAsync(runId));

            // The queued second attempt reaches the restarted worker, which leaves the aborted run alone.
            await StartWorkerAsync();
            await Eventually.HoldsAsync(() => Host.Logs.Lines.Any(line => line.Contains($"Skipping run {runId} attempt 2", StringComparison.Ordinal)),
                "the worker to skip the aborted run's second attempt", RunTimeout);
            Assert.Equal("aborted", await VariantRows.ColumnAsync(Host, runId, "status"));
        }
        finally
        {
            FakeAi.Kill(model);
            await EnsureWorkerRunningAsync();
        }
    }

    [Fact]
    public async Task A_worker_shutting_down_hands_its_run_back_at_once_and_the_run_continues_on_the_next_worker()
    {
        await EnsureWorkerRunningAsync();
        var (name, repository, gate) = GatedRepository("resume-stop");
        var model = FakeAi.UniqueModel();
        using var client = Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(Host, DocsfyAppHost.AdminKey);
        var runId = await StartAsync(client, repository, model);
        try
        {
            await UntilCheckpointedAsync(runId, pages: 2);
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                await ResourceProcesses.TerminateAsync(Host.App, "worker", timeout.Token);
            }

            // Handed back, not found silent: the takeover says the worker stopped, not that it was lost.
            var resumed = await RunWatcher.UntilProgressAsync(socket, name,
                p => ErrorOf(p)?.StartsWith("Resumed after the worker stopped", StringComparison.Ordinal) == true, "resumed after a hand-back",
                RunTimeout);
            Assert.Equal(2, resumed.GetProperty("page_count").GetInt32());
            Assert.Equal("2", await VariantRows.ColumnAsync(Host, runId, "run_attempt"));
            File.WriteAllText(gate, "");
            await StartWorkerAsync();

            var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
            Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());
            Assert.Equal(3, run.StatusChange.GetProperty("page_count").GetInt32());
            Assert.All(run.Progress, p => Assert.True(p.GetProperty("page_count").GetInt32() >= 2));
        }
        finally
        {
            File.WriteAllText(gate, "");
            await EnsureWorkerRunningAsync();
        }
    }

    [Fact]
    public async Task Hand_backs_are_not_losses_and_are_bounded_on_their_own()
    {
        await EnsureWorkerRunningAsync();
        var (name, repository, gate) = GatedRepository("resume-handbacks");
        var model = FakeAi.UniqueModel();
        using var client = Host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(Host, DocsfyAppHost.AdminKey);
        var runId = await StartAsync(client, repository, model);
        try
        {
            await UntilCheckpointedAsync(runId, pages: 2);

            // A deployment (hand-back), then a crash (loss): the crash is the first loss, so the run is taken over although
            // it is already at its second attempt and MaxTakeovers is 1.
            await HandBackAsync(socket, name, attempt: 2);
            await StartWorkerAsync();
            await UntilWorkingOnAsync(runId, attempt: 2);
            await KillWorkerAsync();
            await RunWatcher.UntilProgressAsync(socket, name,
                p => ErrorOf(p) == "Resumed after the worker was lost (attempt 3).", "resumed after the loss", RunTimeout);
            await StartWorkerAsync();
            await UntilWorkingOnAsync(runId, attempt: 3);

            // Two more deployments: the second hand-back is still allowed, the third is one more than MaxHandBacks (2).
            await HandBackAsync(socket, name, attempt: 4);
            await StartWorkerAsync();
            await UntilWorkingOnAsync(runId, attempt: 4);
            await StopWorkerAsync();

            var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
            Assert.Equal("error", run.StatusChange.GetProperty("status").GetString());
            Assert.Equal($"The worker running this generation stopped {ResumeFixture.MaxHandBacks + 1} times during the run "
                + $"(a run is handed on at most {ResumeFixture.MaxHandBacks} times). Generate again.", ErrorOf(run.StatusChange));
            Assert.All(run.Progress, p => Assert.True(p.GetProperty("page_count").GetInt32() >= 2));
            Assert.Equal(0, await CheckpointRowsAsync(runId));
        }
        finally
        {
            File.WriteAllText(gate, "");
            await EnsureWorkerRunningAsync();
        }
    }

    /// <summary>Stops the worker as a deployment would and waits for its run to be handed on as <paramref name="attempt"/>.</summary>
    private async Task HandBackAsync(HubClient socket, string name, int attempt)
    {
        await StopWorkerAsync();
        await RunWatcher.UntilProgressAsync(socket, name,
            p => ErrorOf(p) == $"Resumed after the worker stopped (attempt {attempt}).", $"handed on as attempt {attempt}", RunTimeout);
    }

    /// <summary>
    /// SIGTERM, as a deployment stops a worker, and waits until it has exited: a worker still shutting down reads as
    /// running, and the next test would post its run to it.
    /// </summary>
    private async Task StopWorkerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await ResourceProcesses.TerminateAsync(Host.App, "worker", timeout.Token);
        await Host.App.ResourceNotifications.WaitForResourceAsync("worker", KnownResourceStates.TerminalStates, timeout.Token);
    }

    /// <summary>A repository whose page "Usage" is written only once the returned gate file exists.</summary>
    internal static (string Name, string Repository, string Gate) GatedRepository(string prefix)
    {
        var name = DocsfyAppFixture.UniqueName(prefix);
        var gate = Path.Combine(Path.GetTempPath(), $"docsfy-gate-{Guid.NewGuid():N}");
        var repository = GitRepositories.Create(name, new Dictionary<string, string>(GenerationTests.SampleFiles)
        {
            ["DOCSFY_FAKE_GATE"] = gate,
        });
        return (name, repository, gate);
    }

    internal static async Task<Guid> StartAsync(DocsfyClient client, string repository, string model) =>
        Guid.Parse((await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
                new { repo_path = repository, ai_provider = "claude", ai_model = model }))
            .AssertStatus(HttpStatusCode.Accepted).String("generation_id"));

    private Task UntilCheckpointedAsync(Guid runId, int pages) => Eventually.HoldsAsync(
        async () => await VariantRows.CountAsync(Host, "select count(*) from run_checkpoint_pages where generation_id = @id",
            ("id", runId)) == pages, $"{pages} pages to be checkpointed", RunTimeout);

    /// <summary>Waits until a worker has taken <paramref name="attempt"/> of the run (its heartbeats arrive).</summary>
    private Task UntilWorkingOnAsync(Guid runId, int attempt) => Eventually.HoldsAsync(
        async () => await VariantRows.CountAsync(Host,
            "select count(*) from variants where generation_id = @id and run_attempt = @attempt and heartbeat_at is not null",
            ("id", runId), ("attempt", attempt)) == 1, $"a worker to work on attempt {attempt}", RunTimeout);

    private Task<long> CheckpointRowsAsync(Guid runId) =>
        VariantRows.CountAsync(Host, "select count(*) from run_checkpoints where generation_id = @id", ("id", runId));

    private async Task<int> AiCallsOfAsync(string name, string model)
    {
        var calls = await VariantRows.CountAsync(Host,
            "select ai_calls from variants where name = @name and ai_model = @model", ("name", name), ("model", model));
        return (int)calls;
    }

    internal static string? ErrorOf(JsonElement message) =>
        message.TryGetProperty("error_message", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;

    private async Task KillWorkerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ResourceProcesses.KillAsync(Host.App, "worker", timeout.Token);
        await Host.App.ResourceNotifications.WaitForResourceAsync("worker", KnownResourceStates.TerminalStates, timeout.Token);
    }

    private async Task StartWorkerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Host.App.ResourceNotifications.WaitForResourceAsync("worker", KnownResourceStates.TerminalStates, timeout.Token);
        var commands = Host.App.Services.GetRequiredService<ResourceCommandService>();
        var started = await commands.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);
        await Host.App.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout.Token);
    }

    /// <summary>Every test starts, and leaves the collection, with a worker running.</summary>
    private async Task EnsureWorkerRunningAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var state = await Host.App.ResourceNotifications.WaitForResourceAsync("worker",
            e => e.Snapshot.State?.Text is { } text && (text == KnownResourceStates.Running || KnownResourceStates.TerminalStates.Contains(text)),
            timeout.Token);
        if (state.Snapshot.State?.Text != KnownResourceStates.Running)
        {
            await StartWorkerAsync();
        }
    }
}
