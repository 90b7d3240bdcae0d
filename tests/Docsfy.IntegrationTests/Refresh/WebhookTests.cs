using System.Net;
using System.Text;
using Docsfy.IntegrationTests.Generation;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Refresh;

/// <summary>
/// <c>POST /api/hooks/{id}</c>: a push signed the host's way refreshes the variants that follow the branch; anything
/// that cannot prove the secret, or was seen before, changes nothing and says nothing about the project.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class WebhookTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("gitea")]
    [InlineData("bitbucket")]
    [InlineData("generic")]
    public async Task A_signed_push_refreshes_the_following_variant_to_the_new_commit(string host)
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, $"push-{host}", "user");
        using var repository = ServedRepository.Create($"push-{host}", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "offline" }))
            .AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange.GetProperty("status").GetString());
        var settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);

        var commit = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/new.md"] = "# New\n\nPushed.\n" }, "Add a guide");
        var deliveryId = $"{host}-{Guid.NewGuid():N}";
        using var push = PushDeliveries.Push(host, settings.String("webhook_url"), settings.String("webhook_secret"), "main", commit, deliveryId);
        var accepted = (await client.SendAsync(push)).AssertStatus(HttpStatusCode.Accepted);
        var run = accepted.Json.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal(("main", "offline", "markdown", "started"), (run.GetProperty("branch").GetString(),
            run.GetProperty("ai_provider").GetString(), run.GetProperty("ai_model").GetString(), run.GetProperty("result").GetString()));

        var finished = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", finished.StatusChange.GetProperty("status").GetString());
        Assert.Contains("rendering", finished.Stages);
        var variant = (await client.GetAsync($"/api/projects/{name}/main/offline/markdown", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(commit, variant.String("last_commit_sha"));
        Assert.Equal(run.GetProperty("generation_id").GetString(), variant.String("generation_id"));
        var trigger = variant.Json.GetProperty("trigger");
        Assert.Equal(("push", deliveryId), (trigger.GetProperty("kind").GetString(), trigger.GetProperty("delivery_id").GetString()));
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_tampered_oversized_and_replayed_deliveries_change_nothing()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "push-bad", "user");
        using var repository = ServedRepository.Create("push-bad", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        var generated = (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "offline" }))
            .AssertStatus(HttpStatusCode.Accepted);
        var runId = Guid.Parse(generated.String("generation_id"));
        await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        var settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        var (url, secret) = (settings.String("webhook_url"), settings.String("webhook_secret"));
        var commit = GitRepositories.Commit(repository.Path, new Dictionary<string, string> { ["docs/x.md"] = "# X\n" }, "x");
        var body = Encoding.UTF8.GetBytes(PushDeliveries.Payload("github", "main", commit));

        // Wrong secret, for every host kind: the same 401, whatever the host.
        foreach (var host in PushDeliveries.Hosts)
        {
            using var wrong = PushDeliveries.Request(host, url, "whsec_not-the-secret", body, $"wrong-{host}");
            (await client.SendAsync(wrong)).AssertError(HttpStatusCode.Unauthorized);
        }
        // Unsigned.
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, new Uri(url).PathAndQuery) { Content = new ByteArrayContent(body) })
        {
            unsigned.Headers.Add("X-GitHub-Event", "push");
            unsigned.Headers.Add("X-GitHub-Delivery", "unsigned");
            (await client.SendAsync(unsigned)).AssertError(HttpStatusCode.Unauthorized);
        }
        // Signed, then the body changed.
        using (var tampered = PushDeliveries.Request("github", url, secret, body, "tampered"))
        {
            tampered.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(PushDeliveries.Payload("github", "evil", commit)));
            (await client.SendAsync(tampered)).AssertError(HttpStatusCode.Unauthorized);
        }
        // Too large to read, even when correctly signed.
        var huge = new byte[2 * 1024 * 1024 + 1];
        Array.Fill(huge, (byte)' ');
        using (var oversized = PushDeliveries.Request("github", url, secret, huge, "oversized"))
        {
            (await client.SendAsync(oversized)).AssertError(HttpStatusCode.RequestEntityTooLarge);
        }
        // A signed body that is not JSON.
        using (var garbage = PushDeliveries.Request("github", url, secret, "not json"u8.ToArray(), "garbage"))
        {
            (await client.SendAsync(garbage)).AssertError(HttpStatusCode.BadRequest);
        }
        Assert.Equal(runId.ToString(), await VariantRows.ColumnAsync(fixture.Host, runId, "generation_id"));
        Assert.Equal("ready", await VariantRows.ColumnAsync(fixture.Host, runId, "status"));

        // The genuine delivery runs once; the same delivery again (a replay, or a host's redelivery) changes nothing.
        using (var genuine = PushDeliveries.Request("github", url, secret, body, "genuine"))
        {
            (await client.SendAsync(genuine)).AssertStatus(HttpStatusCode.Accepted);
        }
        await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        var refreshed = (await client.GetAsync($"/api/projects/{name}/main/offline/markdown", owner.Bearer))
            .AssertStatus(HttpStatusCode.OK).String("generation_id");
        using (var replay = PushDeliveries.Request("github", url, secret, body, "genuine"))
        {
            (await client.SendAsync(replay)).AssertError(HttpStatusCode.Conflict);
        }
        // A host that sends no delivery id: the very same body is the same delivery.
        using (var generic = PushDeliveries.Request("generic", url, secret, body, "ignored"))
        {
            generic.Headers.Remove("X-Delivery-Id");
            (await client.SendAsync(generic)).AssertStatus(HttpStatusCode.Accepted);
        }
        await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        var afterGeneric = await VariantRows.CountAsync(fixture.Host,
            "select count(*) from variants where name = @name and generation_id::text <> @refreshed", ("name", name), ("refreshed", refreshed));
        Assert.Equal(1, afterGeneric);
        using (var again = PushDeliveries.Request("generic", url, secret, body, "ignored"))
        {
            again.Headers.Remove("X-Delivery-Id");
            (await client.SendAsync(again)).AssertError(HttpStatusCode.Conflict);
        }
        // Only verified deliveries were remembered: the one that was not JSON, the genuine one and the one without an id.
        Assert.Equal(3, await VariantRows.CountAsync(fixture.Host, """
            select count(*) from webhook_deliveries d join project_refresh p on p.id = d.refresh_id where p.project_name = @name
            """, ("name", name)));

        // None of the secrets or signatures reached any log.
        Assert.DoesNotContain(fixture.Host.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pings_other_events_unfollowed_branches_and_push_refresh_off_start_nothing()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "push-none", "user");
        var name = DocsfyAppFixture.UniqueName("push-none");
        var main = await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        var dev = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, branch: "dev");
        var route = $"/api/projects/{name}/refresh";
        var settings = (await client.SendAsync(HttpMethod.Put, route, owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = new[] { "dev/cursor/gpt-5" } })).AssertStatus(HttpStatusCode.OK);
        var (url, secret) = (settings.String("webhook_url"), settings.String("webhook_secret"));

        // Only dev follows its branch: a push to main is verified and does nothing.
        using (var toMain = PushDeliveries.Push("github", url, secret, "main", "abc", "none-main"))
        {
            var reply = (await client.SendAsync(toMain)).AssertStatus(HttpStatusCode.OK);
            Assert.Empty(reply.Json.GetProperty("runs").EnumerateArray());
        }
        // GitHub's ping when the webhook is added, and events that are not pushes.
        using (var ping = PushDeliveries.Request("github", url, secret, """{"zen":"Design for failure."}"""u8.ToArray(), "none-ping"))
        {
            ping.Headers.Remove("X-GitHub-Event");
            ping.Headers.Add("X-GitHub-Event", "ping");
            Assert.Contains("set up", (await client.SendAsync(ping)).AssertStatus(HttpStatusCode.OK).String("detail"), StringComparison.Ordinal);
        }
        using (var issue = PushDeliveries.Request("gitlab", url, secret, """{"object_kind":"issue"}"""u8.ToArray(), "none-issue"))
        {
            issue.Headers.Remove("X-Gitlab-Event");
            issue.Headers.Add("X-Gitlab-Event", "Issue Hook");
            Assert.Contains("not a push", (await client.SendAsync(issue)).AssertStatus(HttpStatusCode.OK).String("detail"), StringComparison.Ordinal);
        }
        // With push refresh off, even a push to the followed branch does nothing.
        (await client.SendAsync(HttpMethod.Put, route, owner.Bearer,
            new { interval_minutes = (int?)null, on_push = false, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        using (var off = PushDeliveries.Push("gitea", url, secret, "dev", "abc", "none-off"))
        {
            Assert.Contains("off", (await client.SendAsync(off)).AssertStatus(HttpStatusCode.OK).String("detail"), StringComparison.Ordinal);
        }
        foreach (var runId in new[] { main, dev })
        {
            Assert.Equal((runId.ToString(), "ready"), (await VariantRows.ColumnAsync(fixture.Host, runId, "generation_id"),
                await VariantRows.ColumnAsync(fixture.Host, runId, "status")));
        }
    }

    [Fact]
    public async Task Generic_deliveries_are_not_api_key_attempts_and_never_lock_their_address_out()
    {
        // One client, so one client address, for the deliveries and the sign-in after them.
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "push-lock", "user");
        var name = DocsfyAppFixture.UniqueName("push-lock");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        var settings = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = false, variants = "all" })).AssertStatus(HttpStatusCode.OK);
        var (url, secret) = (settings.String("webhook_url"), settings.String("webhook_secret"));

        // More deliveries than failed authentications an address may make (Auth:MaxFailedLoginsPerAddress, 30): each
        // carries the webhook secret as a Bearer token, which is not an API key and must not be tried as one.
        for (var i = 0; i < 31; i++)
        {
            using var delivery = PushDeliveries.Push("generic", url, secret, "main", "abc", $"lock-{i}");
            (await client.SendAsync(delivery)).AssertStatus(HttpStatusCode.OK);
        }

        (await client.GetAsync("/api/auth/me", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_webhook_and_a_wrong_secret_get_the_same_answer()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "push-same", "user");
        var name = DocsfyAppFixture.UniqueName("push-same");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        var url = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = "all" })).AssertStatus(HttpStatusCode.OK).String("webhook_url");
        var unknownUrl = url[..^32] + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        foreach (var host in PushDeliveries.Hosts)
        {
            using var wrongSecret = PushDeliveries.Push(host, url, "whsec_guess", "main", "abc", $"same-{host}");
            using var unknownId = PushDeliveries.Push(host, unknownUrl, "whsec_guess", "main", "abc", $"same-{host}");
            var (wrong, unknown) = (await client.SendAsync(wrongSecret), await client.SendAsync(unknownId));
            Assert.Equal((HttpStatusCode.Unauthorized, wrong.Body), (unknown.Status, unknown.Body));
            wrong.AssertError(HttpStatusCode.Unauthorized);
        }
        // Not even an id this server could have made: nothing to look up.
        using var malformed = PushDeliveries.Push("github", url[..^32] + "short", "whsec_guess", "main", "abc", "malformed");
        (await client.SendAsync(malformed)).AssertError(HttpStatusCode.NotFound);
    }
}
