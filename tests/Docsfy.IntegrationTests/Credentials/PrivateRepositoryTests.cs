using System.Net;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Credentials;

/// <summary>
/// Private repositories (docs/design/refresh.md §8) against a loopback git server that demands the project's token:
/// the clone, the push-started run and the scheduled head check all use it; nothing ever shows it.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class PrivateRepositoryTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_private_repository_fails_cleanly_without_its_token_and_clones_refreshes_and_is_scheduled_with_it()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "private-owner", "user");
        using var repository = ServedRepository.Create("private", GenerationTests.SampleFiles);
        var token = $"glpat-{Guid.NewGuid():N}";
        var wrongToken = $"glpat-{Guid.NewGuid():N}";
        repository.RequireBasicAuth("oauth2", token);
        var name = repository.Name;
        var credentials = $"/api/projects/{name}/credentials";
        var variantRoute = $"/api/projects/{name}/main/offline/markdown";
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        var generate = new { repo_url = repository.Url, ai_provider = "offline" };

        // Without credentials: the run ends in error, saying what to do and naming nothing secret.
        (await client.PostAsync("/api/generate", owner.Bearer, generate)).AssertStatus(HttpStatusCode.Accepted);
        var refused = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("error", refused.StatusChange.GetProperty("status").GetString());
        Assert.StartsWith($"Authentication failed for {repository.Url}", refused.StatusChange.GetProperty("error_message").GetString());
        (await client.GetAsync(credentials, owner.Bearer)).AssertError(HttpStatusCode.NotFound);

        // A wrong token: the same clean error, now saying the token was refused.
        (await client.SendAsync(HttpMethod.Put, credentials, owner.Bearer, new { kind = "https_token", username = "oauth2", token = wrongToken }))
            .AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/generate", owner.Bearer, generate)).AssertStatus(HttpStatusCode.Accepted);
        var wrong = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("error", wrong.StatusChange.GetProperty("status").GetString());
        Assert.Contains("the project's token was refused", wrong.StatusChange.GetProperty("error_message").GetString());

        // The right token: answered with a fingerprint, never the token; the run clones and ends ready.
        var set = (await client.SendAsync(HttpMethod.Put, credentials, owner.Bearer, new { kind = "https_token", username = "oauth2", token }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal(("https_token", "oauth2"), (set.String("kind"), set.String("username")));
        Assert.StartsWith("HMAC:", set.String("fingerprint"));
        Assert.Equal("no-store", set.Header("Cache-Control"));
        var shown = (await client.GetAsync(credentials, owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(set.String("fingerprint"), shown.String("fingerprint"));
        Assert.Equal(["kind", "username", "set_at", "fingerprint"], shown.Json.EnumerateObject().Select(p => p.Name));
        (await client.PostAsync("/api/generate", owner.Bearer, generate)).AssertStatus(HttpStatusCode.Accepted);
        var cloned = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", cloned.StatusChange.GetProperty("status").GetString());

        // A push: the run checks the head and clones with the token, and ends at the pushed commit.
        var refresh = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        var pushed = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/pushed.md"] = "# Pushed\n" }, "Pushed");
        using (var push = PushDeliveries.Push("gitlab", refresh.String("webhook_url"), refresh.String("webhook_secret"), "main", pushed,
            $"private-{Guid.NewGuid():N}"))
        {
            (await client.SendAsync(push)).AssertStatus(HttpStatusCode.Accepted);
        }
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange.GetProperty("status").GetString());
        Assert.Equal(pushed, (await client.GetAsync(variantRoute, owner.Bearer)).String("last_commit_sha"));

        // A schedule: the worker's head check (asked by the API's scheduler) reads the private branch with the token.
        (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = 1, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        var scheduled = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/later.md"] = "# Later\n" }, "Later");
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange.GetProperty("status").GetString());
        var variant = (await client.GetAsync(variantRoute, owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((scheduled, "schedule"), (variant.String("last_commit_sha"), variant.Json.GetProperty("trigger").GetProperty("kind").GetString()));
        (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = false, variants = "all" })).AssertStatus(HttpStatusCode.OK);

        // Stored encrypted: neither the credential row nor the key ring holds the token in clear.
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, """
            select count(*) from project_credentials
            where project_name = @name and (position(convert_to(@token, 'UTF8') in protected) > 0 or fingerprint like '%' || @token || '%')
            """, ("name", name), ("token", token)));
        Assert.Equal(1, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from project_credentials where project_name = @name", ("name", name)));

        // Nothing any resource logged holds either token.
        Assert.DoesNotContain(fixture.Host.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal)
            || line.Contains(wrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_set_before_the_first_run_let_it_clone_and_are_bounded_per_user()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "first-run", "user");
        var stranger = await Users.CreateAsync(client, "first-run-other", "user");
        using var repository = ServedRepository.Create("first", GenerationTests.SampleFiles);
        var token = $"glpat-{Guid.NewGuid():N}";
        repository.RequireBasicAuth("oauth2", token);
        var credentials = $"/api/projects/{repository.Name}/credentials";
        var body = new { kind = "https_token", username = "oauth2", token };

        // Nobody can put credentials into another user's namespace, project or not.
        (await client.SendAsync(HttpMethod.Put, $"{credentials}?owner={owner.Username}", stranger.Bearer, body))
            .AssertError(HttpStatusCode.NotFound);

        // The project does not exist yet: its owner-to-be sets them, sees them, and the very first run clones with them.
        (await client.SendAsync(HttpMethod.Put, credentials, owner.Bearer, body)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("oauth2", (await client.GetAsync(credentials, owner.Bearer)).AssertStatus(HttpStatusCode.OK).String("username"));
        (await client.GetAsync($"{credentials}?owner={owner.Username}", stranger.Bearer)).AssertError(HttpStatusCode.NotFound);
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "offline" }))
            .AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, repository.Name, RunTimeout)).StatusChange
            .GetProperty("status").GetString());

        // Credentials for projects that never run are bounded: the one that ran does not count, the limit's next does.
        for (var i = 0; i < 20; i++)
        {
            (await client.SendAsync(HttpMethod.Put, $"/api/projects/pending-{i}/credentials", owner.Bearer, body))
                .AssertStatus(HttpStatusCode.OK);
        }
        var full = (await client.SendAsync(HttpMethod.Put, "/api/projects/pending-20/credentials", owner.Bearer, body))
            .AssertError(HttpStatusCode.Conflict);
        Assert.StartsWith("You already have credentials for 20 projects", full.Detail, StringComparison.Ordinal);
        var fullForAdmin = (await client.SendAsync(HttpMethod.Put, $"/api/projects/pending-20/credentials?owner={owner.Username}",
            DocsfyAppFixture.Admin, body)).AssertError(HttpStatusCode.Conflict);
        Assert.StartsWith($"'{owner.Username}' already has credentials for 20 projects", fullForAdmin.Detail, StringComparison.Ordinal);
        (await client.SendAsync(HttpMethod.Put, "/api/projects/pending-3/credentials", owner.Bearer, body))
            .AssertStatus(HttpStatusCode.OK); // replacing one already counted is not one more
        (await client.SendAsync(HttpMethod.Delete, "/api/projects/pending-0/credentials", owner.Bearer))
            .AssertStatus(HttpStatusCode.NoContent);
        (await client.SendAsync(HttpMethod.Put, "/api/projects/pending-20/credentials", owner.Bearer, body))
            .AssertStatus(HttpStatusCode.OK);

        // An admin sees and removes credentials waiting in a user's namespace, but puts none where no user is.
        (await client.GetAsync($"/api/projects/pending-1/credentials?owner={owner.Username}", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK);
        (await client.SendAsync(HttpMethod.Delete, $"/api/projects/pending-1/credentials?owner={owner.Username}", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.NoContent);
        var nobody = $"nobody-{Guid.NewGuid():N}";
        (await client.SendAsync(HttpMethod.Put, $"/api/projects/pending-1/credentials?owner={nobody}", DocsfyAppFixture.Admin, body))
            .AssertError(HttpStatusCode.NotFound);

        // Deleting the user deletes them all.
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{owner.Username}", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from project_credentials where lower(owner) = lower(@owner)", ("owner", owner.Username)));
    }

    [Fact]
    public async Task Only_the_owner_and_admins_see_or_set_credentials_and_deleting_the_project_deletes_them()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "cred-owner", "user");
        var grantee = await Users.CreateAsync(client, "cred-grantee", "user");
        var stranger = await Users.CreateAsync(client, "cred-stranger", "user");
        var name = DocsfyAppFixture.UniqueName("cred");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, provider: "offline", model: "markdown");
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = grantee.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);
        var route = $"/api/projects/{name}/credentials";
        const string token = "ghp_ownersSecretTokenValue0123456789";
        var body = new { kind = "https_token", username = "x-access-token", token };

        var contract = await OpenApiContract.FetchAsync(client);
        var path = "/api/projects/{name}/credentials";
        contract.AssertMatches((await client.SendAsync(HttpMethod.Put, route, owner.Bearer, body)).AssertStatus(HttpStatusCode.OK), "put", path);

        // The grantee reads the project, but of its credentials learns exactly what a stranger does: nothing.
        (await client.GetAsync($"/api/projects/{name}?owner={owner.Username}", grantee.Bearer)).AssertStatus(HttpStatusCode.OK);
        foreach (var other in new[] { grantee, stranger })
        {
            var notFound = (await client.GetAsync($"{route}?owner={owner.Username}", other.Bearer)).AssertError(HttpStatusCode.NotFound);
            Assert.Equal($"Project '{name}' not found.", notFound.Detail);
            contract.AssertMatches(notFound, "get", path);
            (await client.SendAsync(HttpMethod.Put, $"{route}?owner={owner.Username}", other.Bearer,
                new { kind = "https_token", username = "x", token = "theirs" })).AssertError(HttpStatusCode.NotFound);
            (await client.SendAsync(HttpMethod.Delete, $"{route}?owner={owner.Username}", other.Bearer)).AssertError(HttpStatusCode.NotFound);
        }
        var admin = (await client.GetAsync($"{route}?owner={owner.Username}", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("x-access-token", admin.String("username"));
        contract.AssertMatches(admin, "get", path);

        // Bad input: a clear 4xx that never echoes the secret.
        foreach (var bad in new object[]
        {
            new { kind = "https_token", username = "x-access-token", token = token + "\n" },
            new { kind = "ssh_key", private_key = token },
            new { kind = "password", username = "x", token },
        })
        {
            var refused = (await client.SendAsync(HttpMethod.Put, route, owner.Bearer, bad)).AssertError(HttpStatusCode.BadRequest);
            Assert.DoesNotContain(token, refused.Body);
            contract.AssertMatches(refused, "put", path);
        }
        (await client.SendAsync(HttpMethod.Put, route, owner.Bearer, new { kind = "https_token", username = "u", token = "t", extra = 1 }))
            .AssertError(HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain(token, (await client.GetAsync(route, owner.Bearer)).Body);

        // The key ring is in the database, every key sealed (no master key in clear).
        Assert.True(await VariantRows.CountAsync(fixture.Host, "select count(*) from data_protection_keys") > 0);
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from data_protection_keys where xml not like '%keyRingSecret%' or xml like '%<masterKey%'"));

        // Deleting the project deletes its credentials.
        (await client.SendAsync(HttpMethod.Delete, $"/api/projects/{name}", owner.Bearer)).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from project_credentials where project_name = @name", ("name", name)));
        Assert.DoesNotContain(fixture.Host.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }
}
