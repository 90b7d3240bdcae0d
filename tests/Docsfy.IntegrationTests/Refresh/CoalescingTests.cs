using System.Net;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Refresh;

/// <summary>Pushes during a run: not a 409 and not ten runs, but exactly one follow-up run once it ends.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class CoalescingTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Ten_pushes_during_a_run_give_exactly_one_follow_up_run_at_the_newest_commit()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "coalesce", "user");
        var model = FakeAi.UniqueModel();
        // Every AI call waits at the gate until the test opens it, so the run is still going while the pushes arrive.
        var gate = Path.Combine(Directory.CreateTempSubdirectory("docsfy-gate-").FullName, "open");
        using var repository = ServedRepository.Create("coalesce", new Dictionary<string, string>(GenerationTests.SampleFiles)
        {
            ["DOCSFY_FAKE_HOLD"] = gate,
        });
        var name = repository.Name;
        var initialCommit = GitRepositories.HeadSha(repository.Path);
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        var settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" }));
        // No variant yet: settings need a project, so the first run comes first.
        settings.AssertError(HttpStatusCode.NotFound);
        var first = (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "claude", ai_model = model }))
            .AssertStatus(HttpStatusCode.Accepted);
        await RunWatcher.UntilStageAsync(socket, name, "planning", RunTimeout);
        settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        var (url, secret) = (settings.String("webhook_url"), settings.String("webhook_secret"));

        var commit = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/pushed.md"] = "# Pushed\n" }, "Pushed");
        for (var push = 0; push < 10; push++)
        {
            using var delivery = PushDeliveries.Push("github", url, secret, "main", commit, $"coalesce-{push}");
            var queued = (await client.SendAsync(delivery)).AssertStatus(HttpStatusCode.Accepted);
            Assert.Equal("queued", queued.Json.GetProperty("runs")[0].GetProperty("result").GetString());
        }
        Assert.Equal(1, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from variants where name = @name and refresh_pending and status = 'generating'", ("name", name)));

        File.WriteAllText(gate, "");
        // The first run documents the commit it cloned before the pushes.
        var firstEnd = (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange;
        Assert.Equal(("ready", initialCommit), (firstEnd.GetProperty("status").GetString(), firstEnd.GetProperty("last_commit_sha").GetString()));

        var followUp = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", followUp.StatusChange.GetProperty("status").GetString());
        var variant = (await client.GetAsync($"/api/projects/{name}/main/claude/{model}", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(commit, variant.String("last_commit_sha"));
        Assert.NotEqual(first.String("generation_id"), variant.String("generation_id"));
        var trigger = variant.Json.GetProperty("trigger");
        Assert.Equal(("push", "coalesce-9"), (trigger.GetProperty("kind").GetString(), trigger.GetProperty("delivery_id").GetString()));
        // Nothing is left to start a third run.
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from variants where name = @name and (refresh_pending or status <> 'ready')", ("name", name)));
    }

    [Fact]
    public async Task Two_pushes_at_once_on_both_replicas_start_one_run_and_queue_one_follow_up()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "coalesce-race", "user");
        using var repository = ServedRepository.Create("coalesce-race", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "offline" }))
            .AssertStatus(HttpStatusCode.Accepted);
        await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        var settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        var commit = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/race.md"] = "# Race\n" }, "Race");

        // The app host's proxy spreads connections over the two replicas; each client is a connection of its own.
        using var other = fixture.Host.Client();
        using var one = PushDeliveries.Push("gitea", settings.String("webhook_url"), settings.String("webhook_secret"), "main", commit, "race-1");
        using var two = PushDeliveries.Push("gitea", settings.String("webhook_url"), settings.String("webhook_secret"), "main", commit, "race-2");
        var replies = await Task.WhenAll(client.SendAsync(one), other.SendAsync(two));
        var results = replies.Select(r => r.AssertStatus(HttpStatusCode.Accepted).Json.GetProperty("runs")[0].GetProperty("result").GetString())
            .Order().ToList();
        // Never a 409 and never two runs of the variant at once: one push starts the run, the other queues the follow-up
        // (or, should the first run already have ended, starts the next one). Either way two runs end, one after the other.
        Assert.Contains("started", results);
        Assert.All(results, result => Assert.Contains(result, new[] { "started", "queued" }));
        for (var run = 0; run < 2; run++)
        {
            Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange.GetProperty("status").GetString());
        }
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from variants where name = @name and (refresh_pending or status <> 'ready')", ("name", name)));
    }

    [Fact]
    public async Task An_abort_drops_the_follow_up_a_push_queued()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "coalesce-abort", "user");
        var model = FakeAi.UniqueModel();
        using var repository = ServedRepository.Create("coalesce-abort", GenerationTests.HangingFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "claude", ai_model = model }))
            .AssertStatus(HttpStatusCode.Accepted);
        await RunWatcher.UntilStageAsync(socket, name, "planning", RunTimeout);
        var settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        using (var delivery = PushDeliveries.Push("gitlab", settings.String("webhook_url"), settings.String("webhook_secret"), "main",
            GitRepositories.HeadSha(repository.Path), "abort-1"))
        {
            (await client.SendAsync(delivery)).AssertStatus(HttpStatusCode.Accepted);
        }

        (await client.PostAsync($"/api/projects/{name}/main/claude/{model}/abort", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("aborted", (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange.GetProperty("status").GetString());
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from variants where name = @name and refresh_pending", ("name", name)));
        FakeAi.Kill(model);
    }
}
