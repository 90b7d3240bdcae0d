using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Refresh;

/// <summary>
/// A schedule checks the branch head every interval (in the tests one "minute" lasts
/// <see cref="DocsfyAppHost.RefreshIntervalUnit"/>) and starts a run only when it moved, with two API replicas checking.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class ScheduleTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_schedule_does_nothing_while_the_head_stays_and_picks_up_a_new_commit(bool fromPath)
    {
        using var client = fixture.Host.Client();
        // A path on the server is an admin's source; a URL any user's.
        var owner = fromPath ? null : await Users.CreateAsync(client, "sched-owner", "user");
        var credential = owner?.Bearer ?? DocsfyAppFixture.Admin;
        using var repository = ServedRepository.Create("sched", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner?.ApiKey ?? DocsfyAppHost.AdminKey);
        object source = fromPath
            ? new { repo_path = repository.Path, ai_provider = "offline" }
            : new { repo_url = repository.Url, ai_provider = "offline" };
        var first = (await client.PostAsync("/api/generate", credential, source)).AssertStatus(HttpStatusCode.Accepted);
        var firstRun = Guid.Parse(first.String("generation_id"));
        await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        var byUser = (await client.GetAsync($"/api/projects/{name}/main/offline/markdown", credential)).Json.GetProperty("trigger");
        Assert.Equal(("user", owner?.Username ?? "admin"), (byUser.GetProperty("kind").GetString(), byUser.GetProperty("username").GetString()));
        var route = $"/api/projects/{name}/refresh";
        (await client.SendAsync(HttpMethod.Put, route, credential, new { interval_minutes = 1, on_push = false, variants = "all" }))
            .AssertStatus(HttpStatusCode.OK);

        // Two checks with the head where it was: no run at all (so no AI call and no clone).
        var checks = 0;
        string? lastChecked = null;
        await Eventually.HoldsAsync(async () =>
        {
            var seen = (await client.GetAsync(route, credential)).AssertStatus(HttpStatusCode.OK).Json.GetProperty("last_checked_at");
            if (seen.ValueKind == JsonValueKind.String && seen.GetString() != lastChecked)
            {
                (lastChecked, checks) = (seen.GetString(), checks + 1);
            }
            return checks >= 2;
        }, "two scheduled checks", TimeSpan.FromMinutes(1));
        Assert.Equal(firstRun.ToString(), await VariantRows.ColumnAsync(fixture.Host, firstRun, "generation_id"));

        // A new commit is picked up within an interval, once, as the schedule's run.
        var commit = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/later.md"] = "# Later\n" }, "Later");
        var finished = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", finished.StatusChange.GetProperty("status").GetString());
        var variant = (await client.GetAsync($"/api/projects/{name}/main/offline/markdown", credential)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(commit, variant.String("last_commit_sha"));
        Assert.Equal("schedule", variant.Json.GetProperty("trigger").GetProperty("kind").GetString());
        var scheduledRun = variant.String("generation_id");

        // And then nothing more, however many checks follow.
        var before = lastChecked;
        checks = 0;
        await Eventually.HoldsAsync(async () =>
        {
            var seen = (await client.GetAsync(route, credential)).Json.GetProperty("last_checked_at").GetString();
            if (seen != lastChecked)
            {
                (lastChecked, checks) = (seen, checks + 1);
            }
            return checks >= 2;
        }, "two more scheduled checks", TimeSpan.FromMinutes(1));
        Assert.NotEqual(before, lastChecked);
        var now = (await client.GetAsync($"/api/projects/{name}/main/offline/markdown", credential)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((scheduledRun, "ready"), (now.String("generation_id"), now.String("status")));
        // Both replicas check schedules; exactly one started the run (each replica logs the runs it starts).
        Assert.Single(fixture.Host.Logs.Lines, line => line.Contains("started run", StringComparison.Ordinal)
            && line.Contains($"of {name} (", StringComparison.Ordinal) && line.Contains("(schedule)", StringComparison.Ordinal));
        (await client.SendAsync(HttpMethod.Put, route, credential, new { interval_minutes = (int?)null, on_push = false, variants = "all" }))
            .AssertStatus(HttpStatusCode.OK);
    }
}
