using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// With no worker alive the API says so everywhere a user or operator looks (health, the variant, the admin's list of
/// workers) and ends a waiting run after minutes, not hours; a worker that comes back is noticed and takes new runs.
/// </summary>
[Collection(DisruptionCollection.Name)]
public sealed class WorkerPresenceTests(DisruptionFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Without_a_worker_health_is_degraded_a_run_says_it_waits_and_ends_saying_why_and_a_returning_worker_is_seen()
    {
        var host = fixture.Host;
        using var client = host.Client();
        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(Bound);
        // Whatever an earlier test of this collection did to the worker, start from a live one.
        await commands.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, timeout.Token);
        await Eventually.HoldsAsync(async () => await WorkerCountAsync(client) == 1, "one live worker", Bound);
        await using var socket = await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey);
        try
        {
            // Killed, not stopped: a crashed worker says no goodbye, so the API must notice the silence.
            await ResourceProcesses.KillAsync(host.App, "worker", timeout.Token);

            await Eventually.HoldsAsync(async () => (await client.GetAsync("/health")).Body.StartsWith("Degraded", StringComparison.Ordinal),
                "health to say degraded", Bound);
            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.Status);
            Assert.Equal("Degraded: No worker is alive: new runs wait until one starts.", health.Body);
            Assert.Equal(0, await WorkerCountAsync(client));

            var name = DocsfyAppFixture.UniqueName("no-worker");
            var repository = GitRepositories.Create(name, GenerationTests.SampleFiles);
            var started = (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
                new { repo_path = repository, ai_provider = "offline" })).AssertStatus(HttpStatusCode.Accepted);
            var read = (await client.GetAsync($"/api/projects/by-id/{started.String("generation_id")}", DocsfyAppFixture.Admin))
                .AssertStatus(HttpStatusCode.OK);
            var waiting = read.Json.GetProperty("waiting_for_worker");
            Assert.Equal(0, waiting.GetProperty("workers_alive").GetInt32());
            Assert.True(waiting.GetProperty("waited_seconds").GetInt64() >= 0);
            var project = (await client.GetAsync($"/api/projects/{name}", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(0, project.Json.GetProperty("variants")[0].GetProperty("waiting_for_worker").GetProperty("workers_alive").GetInt32());

            var run = await RunWatcher.UntilFinishedAsync(socket, name, DisruptionFixture.NoWorkerTimeout + Bound);
            Assert.Equal("error", run.StatusChange.GetProperty("status").GetString());
            Assert.Equal("No worker took this run within 10 seconds: no worker is running. Start a worker, then generate again.",
                run.StatusChange.GetProperty("error_message").GetString());
            Assert.Empty(run.Stages);
            // An ended run waits for nothing.
            var ended = (await client.GetAsync($"/api/projects/by-id/{started.String("generation_id")}", DocsfyAppFixture.Admin)).Json;
            Assert.False(ended.TryGetProperty("waiting_for_worker", out _));
        }
        finally
        {
            using var restart = new CancellationTokenSource(Bound);
            var started = await commands.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, restart.Token);
            Assert.True(started.Success, started.Message);
        }

        // The worker is back: counted again, healthy again, and it takes a run.
        await Eventually.HoldsAsync(async () => await WorkerCountAsync(client) == 1, "the worker to be back", Bound);
        Assert.Equal("Healthy", (await client.GetAsync("/health")).Body);
        var again = DocsfyAppFixture.UniqueName("worker-back");
        (await client.PostAsync("/api/generate", DocsfyAppFixture.Admin,
            new { repo_path = GitRepositories.Create(again, GenerationTests.SampleFiles), ai_provider = "offline" }))
            .AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, again, Bound)).StatusChange.GetProperty("status").GetString());
    }

    private static async Task<int> WorkerCountAsync(DocsfyClient client) =>
        (await client.GetAsync("/api/workers", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK)
            .Json.GetProperty("workers").GetArrayLength();
}
