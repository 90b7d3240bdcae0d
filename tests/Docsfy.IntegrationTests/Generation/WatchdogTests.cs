using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// No run stays generating: a full worker makes runs wait, a run no worker takes in time is ended by the API, and a run
/// past its time limit is stopped by the worker (the killed-worker path is <see cref="WorkerCrashTests"/>).
/// </summary>
[Collection(ShortLimitsCollection.Name)]
public sealed class WatchdogTests(ShortLimitsFixture fixture)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_full_worker_leaves_a_run_waiting_until_the_queue_timeout_ends_it_and_takes_the_next_when_a_slot_frees()
    {
        var host = fixture.Host;
        using var client = host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey);
        var hanging = GitRepositories.Create(DocsfyAppFixture.UniqueName("full"), GenerationTests.HangingFiles);
        var busy = Enumerable.Range(0, ShortLimitsFixture.MaxConcurrentRuns).Select(_ => FakeAi.UniqueModel()).ToList();
        try
        {
            foreach (var model in busy)
            {
                (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
                    new { repo_path = hanging, ai_provider = "claude", ai_model = model })).AssertStatus(HttpStatusCode.Accepted);
            }
            await Eventually.HoldsAsync(() => busy.All(m => FakeAi.Processes(m).Count > 0), "every slot's run to reach the AI",
                StartTimeout);

            // One run more than the worker's slots: it is never started, and the API ends it after the queue timeout.
            var waiting = await StartOfflineAsync(client, "waiting");
            var ended = await RunWatcher.UntilFinishedAsync(socket, waiting, ShortLimitsFixture.QueueTimeout * 5);
            Assert.Empty(ended.Progress);
            Assert.Equal("error", ended.StatusChange.GetProperty("status").GetString());
            Assert.StartsWith("No worker took this run within ", ended.StatusChange.GetProperty("error_message").GetString(),
                StringComparison.Ordinal);
            // The runs holding the slots were untouched by it.
            Assert.All(busy, m => Assert.Single(FakeAi.Processes(m)));
            Assert.Equal(ShortLimitsFixture.MaxConcurrentRuns, await VariantRows.CountAsync(host,
                "select count(*) from variants where name = @name and status = 'generating'", ("name", Path.GetFileName(hanging))));

            // A slot frees: the next run is taken and finishes.
            (await client.PostAsync($"/api/projects/{Path.GetFileName(hanging)}/main/claude/{busy[0]}/abort", DocsfyAppFixture.Admin))
                .AssertStatus(HttpStatusCode.OK);
            var next = await StartOfflineAsync(client, "next");
            var run = await RunWatcher.UntilFinishedAsync(socket, next, StartTimeout);
            Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());
        }
        finally
        {
            foreach (var model in busy)
            {
                await client.PostAsync($"/api/projects/{Path.GetFileName(hanging)}/main/claude/{model}/abort", DocsfyAppFixture.Admin);
                FakeAi.Kill(model);
            }
        }
    }

    [Fact]
    public async Task A_run_longer_than_the_run_timeout_is_stopped_and_its_AI_killed()
    {
        var host = fixture.Host;
        using var client = host.Client();
        await using var socket = await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey);
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName("slow"), GenerationTests.HangingFiles);
        var name = Path.GetFileName(repository);
        var model = FakeAi.UniqueModel();
        try
        {
            (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
                new { repo_path = repository, ai_provider = "claude", ai_model = model })).AssertStatus(HttpStatusCode.Accepted);

            var run = await RunWatcher.UntilFinishedAsync(socket, name, ShortLimitsFixture.RunTimeout + StartTimeout);
            Assert.Equal("error", run.StatusChange.GetProperty("status").GetString());
            Assert.Equal($"The run took longer than {ShortLimitsFixture.RunTimeout} and was stopped.",
                run.StatusChange.GetProperty("error_message").GetString());
            Assert.Contains("planning", run.Stages);
            await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count == 0, "the run's AI to be killed", TimeSpan.FromSeconds(30));
        }
        finally
        {
            FakeAi.Kill(model);
        }
    }

    /// <summary>Starts an <c>offline</c> run of a new sample repository as the admin; returns its name.</summary>
    private static async Task<string> StartOfflineAsync(DocsfyClient client, string prefix)
    {
        var repository = GitRepositories.Create(DocsfyAppFixture.UniqueName(prefix), GenerationTests.SampleFiles);
        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = repository, ai_provider = "offline", ai_model = "markdown" })).AssertStatus(HttpStatusCode.Accepted);
        return Path.GetFileName(repository);
    }
}
