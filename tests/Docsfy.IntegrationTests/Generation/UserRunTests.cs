using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// Runs a regular user starts from a <c>repo_url</c>: cloned over HTTP by the worker from a git server on loopback, and
/// aborted, refused and raced the ways the README promises.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class UserRunTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_user_documents_a_repository_cloned_over_http_and_only_they_see_it()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "http-user", "user");
        var stranger = await Users.CreateAsync(client, "http-stranger", "user");
        using var repository = ServedRepository.Create("http", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, user.ApiKey);

        var started = await client.PostAsync("/api/generate", user.Bearer,
            new { repo_url = repository.Url, ai_provider = "offline", ai_model = "markdown" });
        started.AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal((name, user.Username, "main"), (started.String("project"), started.String("owner"), started.String("branch")));

        var run = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal(["cloning", "planning", "generating_pages", "cross_linking", "rendering"], run.Stages.Distinct());
        Assert.Equal("ready", run.StatusChange.GetProperty("status").GetString());
        Assert.Equal(GitRepositories.HeadSha(repository.Path), run.StatusChange.GetProperty("last_commit_sha").GetString());
        Assert.Equal(4, run.StatusChange.GetProperty("page_count").GetInt32());
        var synced = run.SyncedVariant(name);
        Assert.Equal(user.Username, synced.GetProperty("owner").GetString());
        Assert.Equal(repository.Url, synced.GetProperty("repo_url").GetString());

        var overview = $"/docs/{name}/main/offline/markdown/overview.html";
        Assert.Contains("A sample library for tests.", (await client.GetAsync(overview, user.Bearer)).AssertStatus(HttpStatusCode.OK).Body,
            StringComparison.Ordinal);
        (await client.GetAsync(overview, stranger.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{name}", stranger.Bearer)).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Users_abort_only_their_own_runs_by_variant_or_by_name_and_admins_narrow_by_owner()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "abort-alice", "user");
        var grantee = await Users.CreateAsync(client, "abort-grantee", "user");
        var viewer = await Users.CreateAsync(client, "abort-viewer", "viewer");
        var stranger = await Users.CreateAsync(client, "abort-stranger", "user");
        using var repository = ServedRepository.Create("abort-user", GenerationTests.HangingFiles);
        var name = repository.Name;
        var (first, second) = (FakeAi.UniqueModel(), FakeAi.UniqueModel());
        var runIds = new Dictionary<string, string>();
        foreach (var model in new[] { first, second })
        {
            var started = await client.PostAsync("/api/generate", alice.Bearer,
                new { repo_url = repository.Url, ai_provider = "claude", ai_model = model });
            runIds[model] = started.AssertStatus(HttpStatusCode.Accepted).String("generation_id");
        }
        try
        {
            await Eventually.HoldsAsync(() => FakeAi.Processes(first).Count > 0 && FakeAi.Processes(second).Count > 0,
                "both runs' AI calls to start", RunTimeout);
            foreach (var reader in new[] { grantee, viewer })
            {
                (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
                    new { username = reader.Username, owner = alice.Username })).AssertStatus(HttpStatusCode.Created);
            }
            var firstRoute = $"/api/projects/{name}/main/claude/{first}/abort";

            // Two of Alice's runs match the name: she must say which.
            var ambiguous = (await client.PostAsync($"/api/projects/{name}/abort", alice.Bearer)).AssertError(HttpStatusCode.Conflict);
            Assert.Contains(first, ambiguous.Detail, StringComparison.Ordinal);
            Assert.Contains(second, ambiguous.Detail, StringComparison.Ordinal);
            // Someone else's run: refused for whoever sees it (a grantee, a viewer by role), absent for a stranger, and an
            // admin's ?owner= only narrows.
            (await client.PostAsync(firstRoute, grantee.Bearer)).AssertError(HttpStatusCode.Forbidden);
            (await client.PostAsync($"/api/projects/{name}/abort?owner={alice.Username}", grantee.Bearer)).AssertError(HttpStatusCode.Forbidden);
            (await client.PostAsync(firstRoute, viewer.Bearer)).AssertError(HttpStatusCode.Forbidden);
            (await client.PostAsync(firstRoute, stranger.Bearer)).AssertError(HttpStatusCode.NotFound);
            (await client.PostAsync($"/api/projects/{name}/abort?owner={stranger.Username}", DocsfyAppFixture.Admin))
                .AssertError(HttpStatusCode.NotFound);
            // Nor can an admin delete a user whose run is generating.
            (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{alice.Username}", DocsfyAppFixture.Admin))
                .AssertError(HttpStatusCode.Conflict);
            (await client.GetAsync("/api/auth/me", alice.Bearer)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(["generating", "generating"], await StatusesAsync(client, alice, name, first, second));

            // Alice aborts one by its variant route; the other keeps running.
            var aborted = (await client.PostAsync(firstRoute, alice.Bearer)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal((name, "main", "claude", first, alice.Username, "aborted", runIds[first]),
                (aborted.String("project"), aborted.String("branch"), aborted.String("ai_provider"), aborted.String("ai_model"),
                    aborted.String("owner"), aborted.String("status"), aborted.String("generation_id")));
            await Eventually.HoldsAsync(() => FakeAi.Processes(first).Count == 0, "the aborted run's AI to be killed", TimeSpan.FromSeconds(30));
            Assert.Equal(["aborted", "generating"], await StatusesAsync(client, alice, name, first, second));
            (await client.PostAsync(firstRoute, alice.Bearer)).AssertError(HttpStatusCode.NotFound);

            // Only one matches the name now: an admin aborts it by name, naming the owner.
            var byName = (await client.PostAsync($"/api/projects/{name}/abort?owner={alice.Username}", DocsfyAppFixture.Admin))
                .AssertStatus(HttpStatusCode.OK);
            Assert.Equal((second, runIds[second]), (byName.String("ai_model"), byName.String("generation_id")));
            await Eventually.HoldsAsync(() => FakeAi.Processes(second).Count == 0, "the second run's AI to be killed", TimeSpan.FromSeconds(30));
            Assert.Equal(["aborted", "aborted"], await StatusesAsync(client, alice, name, first, second));

            // With nothing generating, deleting Alice takes her variants with her.
            (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{alice.Username}", DocsfyAppFixture.Admin))
                .AssertStatus(HttpStatusCode.NoContent);
            Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from variants where name = @name", ("name", name)));
        }
        finally
        {
            FakeAi.Kill(first);
            FakeAi.Kill(second);
        }
    }

    [Fact]
    public async Task Of_simultaneous_starts_of_one_variant_on_both_replicas_exactly_one_is_accepted()
    {
        using var repository = ServedRepository.Create("race", GenerationTests.HangingFiles);
        var model = FakeAi.UniqueModel();
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "race-user", "user");
        // Connections held open to a known replica, three on each, so the starts below reach both at once.
        var clients = await ClientsOnEveryReplicaAsync(perReplica: 3);
        try
        {
            var request = new { repo_url = repository.Url, ai_provider = "claude", ai_model = model };
            var replies = await Task.WhenAll(clients.Select(c => c.Client.PostAsync("/api/generate", user.Bearer, request)));

            Assert.Single(replies, r => r.Status == HttpStatusCode.Accepted);
            Assert.All(replies.Where(r => r.Status != HttpStatusCode.Accepted), r => r.AssertError(HttpStatusCode.Conflict));
            Assert.Equal(clients.Count - 1, replies.Count(r => r.Status == HttpStatusCode.Conflict));
            Assert.Equal(clients.Select(c => c.Replica).Distinct().Order(), replies.Select(r => r.Header("X-Docsfy-Replica")!).Distinct().Order());
            Assert.Equal(1, await VariantRows.CountAsync(fixture.Host,
                "select count(*) from variants where name = @name and status = 'generating'", ("name", repository.Name)));
        }
        finally
        {
            foreach (var (racer, _) in clients)
            {
                racer.Dispose();
            }
            (await client.PostAsync($"/api/projects/{repository.Name}/abort", user.Bearer)).AssertStatus(HttpStatusCode.OK);
            await Eventually.HoldsAsync(() => FakeAi.Processes(model).Count == 0, "the run's AI to be killed", TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<List<string>> StatusesAsync(DocsfyClient client, Users.Created owner, string name, params string[] models)
    {
        var variants = (await client.GetAsync($"/api/projects/{name}", owner.Bearer)).AssertStatus(HttpStatusCode.OK)
            .Json.GetProperty("variants").EnumerateArray().ToList();
        return [.. models.Select(model => variants.Single(v => v.GetProperty("ai_model").GetString() == model)
            .GetProperty("status").GetString()!)];
    }

    /// <summary>
    /// Clients whose one open connection goes to a known API replica, <paramref name="perReplica"/> for each replica: the
    /// proxy picks a replica per connection, and a client keeps reusing its idle connection.
    /// </summary>
    private async Task<List<(DocsfyClient Client, string Replica)>> ClientsOnEveryReplicaAsync(int perReplica)
    {
        var clients = new List<(DocsfyClient Client, string Replica)>();
        for (var attempt = 0; attempt < 20 * perReplica * fixture.Host.ApiReplicas; attempt++)
        {
            var client = fixture.Host.Client();
            var replica = (await client.GetAsync("/api/models")).AssertStatus(HttpStatusCode.OK).Header("X-Docsfy-Replica")!;
            if (clients.Count(c => c.Replica == replica) < perReplica)
            {
                clients.Add((client, replica));
            }
            else
            {
                client.Dispose();
            }
            if (clients.Count == perReplica * fixture.Host.ApiReplicas)
            {
                return clients;
            }
        }
        throw new Xunit.Sdk.XunitException($"Could not open {perReplica} connections to each of {fixture.Host.ApiReplicas} replicas.");
    }
}
