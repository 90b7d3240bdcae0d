using System.Net;
using System.Text.Json;
using Docsfy.Contracts;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>Worker events through RabbitMQ to exactly the right sockets, spread over both API replicas.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class HubRoutingTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Progress_and_status_change_reach_admins_owner_and_grantees_once_each_and_nobody_else()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "route-owner", "user");
        var grantee = await Users.CreateAsync(client, "route-grantee", "viewer");
        var other = await Users.CreateAsync(client, "route-other", "user");
        var viewer = await Users.CreateAsync(client, "route-viewer", "viewer");
        var name = DocsfyAppFixture.UniqueName("route");
        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "generating");
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = grantee.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);

        var sockets = new Dictionary<string, List<HubClient>>();
        var barriers = new Dictionary<string, EventBarrier>();
        try
        {
            foreach (var (role, key) in new[] { ("admin", DocsfyAppHost.AdminKey), ("owner", owner.ApiKey), ("grantee", grantee.ApiKey),
                                                ("other", other.ApiKey), ("viewer", viewer.ApiKey) })
            {
                sockets[role] = await HubClient.ConnectOnEveryReplicaAsync(fixture.Host, key);
            }
            var all = sockets.Values.SelectMany(s => s).ToList();
            Assert.Equal(2, all.Select(s => s.Replica).Distinct().Count());

            await using var worker = await FakeWorker.StartAsync(fixture.Host);
            var variant = new VariantKey(name, "main", "cursor", "gpt-5", owner.Username);
            await worker.ProgressAsync(variant, runId, 1, "cloning", 0);
            await worker.ProgressAsync(variant, runId, 2, "planning", 0, "{\"project_name\":\"x\"}");
            await worker.FinishedAsync(variant, runId, 3, "ready", 4, commitSha: "deadbeef");
            // Each socket reads up to a marker of its own user, sent on the run's partition after the run's events.
            foreach (var (role, username) in new[] { ("admin", owner.Username), ("owner", owner.Username), ("grantee", grantee.Username),
                                                     ("other", other.Username), ("viewer", viewer.Username) })
            {
                barriers[role] = await EventBarrier.CreateAsync(fixture.Host, runId, username);
                await barriers[role].PassAsync(worker);
            }

            foreach (var (role, socket) in new[] { "admin", "owner", "grantee" }.SelectMany(r => sockets[r].Select(s => (r, s))))
            {
                // Admins also get syncs caused by other tests (every sync lists this project), so the events are
                // checked apart from the syncs: exactly these three, and a sync after the status_change showing it.
                var received = await barriers[role].ReadUntilMarkerAsync(socket);
                var events = received.Where(m => m.GetProperty("type").GetString() != "sync" && Mentions(m, name)).ToList();
                Assert.Equal(["progress", "progress", "status_change"], events.Select(m => m.GetProperty("type").GetString()));
                Assert.Equal("cloning", events[0].GetProperty("current_stage").GetString());
                Assert.Equal("planning", events[1].GetProperty("current_stage").GetString());
                Assert.Equal("{\"project_name\":\"x\"}", events[1].GetProperty("plan_json").GetString());
                AssertVariantFields(events[0], variant, "generating");
                var status = events[2];
                AssertVariantFields(status, variant, "ready");
                Assert.Equal(4, status.GetProperty("page_count").GetInt32());
                Assert.Equal("deadbeef", status.GetProperty("last_commit_sha").GetString());
                Assert.Matches(@"\A\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\z", status.GetProperty("last_generated").GetString());
                var statusAt = received.FindIndex(m => m.GetProperty("type").GetString() == "status_change" && Mentions(m, name));
                var syncAfter = Assert.Single(received.Skip(statusAt + 1).Take(1));
                Assert.Equal("sync", syncAfter.GetProperty("type").GetString());
                var synced = syncAfter.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
                Assert.Equal("ready", synced.GetProperty("status").GetString());
            }
            foreach (var (role, socket) in new[] { "other", "viewer" }.SelectMany(r => sockets[r].Select(s => (r, s))))
            {
                Assert.DoesNotContain(await barriers[role].ReadUntilMarkerAsync(socket), m => Mentions(m, name));
            }
        }
        finally
        {
            foreach (var socket in sockets.Values.SelectMany(s => s))
            {
                await socket.DisposeAsync();
            }
            foreach (var barrier in barriers.Values)
            {
                await barrier.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Grants_revocations_and_role_changes_send_the_affected_user_a_fresh_sync()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "resync-owner", "user");
        var reader = await Users.CreateAsync(client, "resync-reader", "viewer");
        var name = DocsfyAppFixture.UniqueName("resync");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await using var socket = await HubClient.ConnectAsync(fixture.Host, token: reader.ApiKey);
        Assert.DoesNotContain(ProjectNames(await socket.NextOfTypeAsync("sync")), n => n == name);

        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = reader.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);
        Assert.Contains(name, ProjectNames(await socket.NextOfTypeAsync("sync")));

        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/projects/{name}/access/{reader.Username}?owner={owner.Username}",
            DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.NoContent);
        Assert.DoesNotContain(name, ProjectNames(await socket.NextOfTypeAsync("sync")));

        // Promoted to admin, the same socket's next sync shows every owner's projects.
        (await client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{reader.Username}", DocsfyAppFixture.Admin, new { role = "admin" }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Contains(name, ProjectNames(await socket.NextOfTypeAsync("sync")));
    }

    [Fact]
    public async Task Duplicate_stale_foreign_and_late_events_leave_the_database_right()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "order", "user");
        var name = DocsfyAppFixture.UniqueName("order");
        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "generating");
        var variant = new VariantKey(name, "main", "cursor", "gpt-5", owner.Username);
        await using var socket = await HubClient.ConnectAsync(fixture.Host, token: owner.ApiKey);
        await socket.NextOfTypeAsync("sync");
        await using var worker = await FakeWorker.StartAsync(fixture.Host);

        await worker.ProgressAsync(variant, runId, 5, "generating_pages", 3);
        await Eventually.HoldsAsync(async () => await VariantRows.ColumnAsync(fixture.Host, runId, "page_count") == "3",
            "page_count 3", TimeSpan.FromSeconds(10));
        await worker.ProgressAsync(variant, runId, 4, "generating_pages", 2);      // stale
        await worker.ProgressAsync(variant, runId, 5, "generating_pages", 3);      // duplicate
        await worker.ProgressAsync(variant, Guid.NewGuid(), 9, "rendering", 99);   // another run
        await worker.ProgressAsync(variant, runId, 6, "not-a-stage", 7);           // invalid
        await worker.FinishedAsync(variant, runId, 7, "ready", 5);
        await Eventually.HoldsAsync(async () => await VariantRows.ColumnAsync(fixture.Host, runId, "status") == "ready",
            "status ready", TimeSpan.FromSeconds(10));
        await worker.ProgressAsync(variant, runId, 8, "rendering", 6);             // after the terminal status
        await worker.FinishedAsync(variant, runId, 9, "error", 0, error: "late"); // a second terminal status
        await using var barrier = await EventBarrier.CreateAsync(fixture.Host, runId, owner.Username);
        await barrier.PassAsync(worker);

        Assert.Equal("ready", await VariantRows.ColumnAsync(fixture.Host, runId, "status"));
        Assert.Equal("5", await VariantRows.ColumnAsync(fixture.Host, runId, "page_count"));
        Assert.Null(await VariantRows.ColumnAsync(fixture.Host, runId, "error_message"));
        Assert.Null(await VariantRows.ColumnAsync(fixture.Host, runId, "current_stage"));

        // The client saw each applied event once, in order, and nothing of the ignored ones.
        var seen = (await barrier.ReadUntilMarkerAsync(socket)).Where(m => Mentions(m, name))
            .Select(m => m.GetProperty("type").GetString()).ToList();
        Assert.Equal(["progress", "status_change", "sync"], seen);
    }

    [Fact]
    public async Task A_stage_this_api_does_not_know_is_stored_and_shown_not_dropped()
    {
        // A newer worker may report a stage an older API has never heard of: clients see it by its name.
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "newstage", "user");
        var name = DocsfyAppFixture.UniqueName("newstage");
        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "generating");
        var variant = new VariantKey(name, "main", "cursor", "gpt-5", owner.Username);
        await using var socket = await HubClient.ConnectAsync(fixture.Host, token: owner.ApiKey);
        await socket.NextOfTypeAsync("sync");
        await using var worker = await FakeWorker.StartAsync(fixture.Host);

        await worker.ProgressAsync(variant, runId, 1, "summarizing_history", 0);
        await using var barrier = await EventBarrier.CreateAsync(fixture.Host, runId, owner.Username);
        await barrier.PassAsync(worker);

        var progress = Assert.Single(await barrier.ReadUntilMarkerAsync(socket), m => Mentions(m, name));
        Assert.Equal("progress", progress.GetProperty("type").GetString());
        Assert.Equal("summarizing_history", progress.GetProperty("current_stage").GetString());
        Assert.Equal("summarizing_history", await VariantRows.ColumnAsync(fixture.Host, runId, "current_stage"));
        var read = (await client.GetAsync($"/api/projects/{name}/main/cursor/gpt-5", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("summarizing_history", read.String("current_stage"));
    }

    private static bool Mentions(JsonElement message, string name) =>
        message.GetProperty("type").GetString() == "sync"
            ? ProjectNames(message).Contains(name)
            : message.TryGetProperty("name", out var n) && n.GetString() == name;

    private static List<string> ProjectNames(JsonElement sync) =>
        [.. sync.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];

    private static void AssertVariantFields(JsonElement message, VariantKey variant, string status)
    {
        Assert.Equal(variant.Name, message.GetProperty("name").GetString());
        Assert.Equal(variant.Branch, message.GetProperty("branch").GetString());
        Assert.Equal(variant.Provider, message.GetProperty("provider").GetString());
        Assert.Equal(variant.Model, message.GetProperty("model").GetString());
        Assert.Equal(variant.Owner, message.GetProperty("owner").GetString());
        Assert.Equal(status, message.GetProperty("status").GetString());
        Assert.False(message.TryGetProperty("ai_provider", out _));
    }
}
