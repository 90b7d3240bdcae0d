using System.Net;
using System.Text.RegularExpressions;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

[Collection(DocsfyCollection.Name)]
public sealed partial class SecretHygieneTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task No_key_session_token_or_query_token_reaches_any_services_log()
    {
        var host = fixture.Host;
        using var client = host.Client();
        var malformedFailures = CountLines("Failed login for (malformed)");

        // Every kind of secret, each sent the way a real client sends it.
        var user = await Users.CreateAsync(client, "hygiene", "user");
        var session = await client.LoginAsync(user.Username, user.ApiKey);
        var rotated = (await client.PostAsync("/api/auth/rotate-key", Credential.Session(session))).String("new_api_key");
        var secondSession = await client.LoginAsync(user.Username, rotated);
        // A key pasted into the username field: the failed login is logged, the username in it is not.
        var mistyped = "docsfy_pasted-into-the-username-field-" + Guid.NewGuid().ToString("N");
        (await client.PostAsync("/api/auth/login", null, new { username = mistyped, api_key = rotated }))
            .AssertError(HttpStatusCode.Unauthorized);
        var queryToken = "query-token-" + Guid.NewGuid().ToString("N");
        (await client.GetAsync($"/api/projects?token={queryToken}", Credential.Bearer(rotated))).AssertStatus(HttpStatusCode.OK);
        var bogusHubToken = "docsfy_bogus-hub-token-" + Guid.NewGuid().ToString("N");
        await using (var refused = await HubClient.ConnectAsync(host, token: bogusHubToken))
        {
            Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, await refused.ClosedAsync(TimeSpan.FromSeconds(15)));
        }
        await using (await HubClient.ConnectSyncedAsync(host, DocsfyAppHost.AdminKey))
        {
        }
        var userSockets = 0;
        await using (var bySession = await HubClient.ConnectAsync(host, sessionCookie: secondSession))
        {
            await bySession.NextOfTypeAsync("sync");
            userSockets++;
        }
        var adminRotated = (await client.PostAsync($"/api/admin/users/{user.Username}/rotate-key", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.OK).String("new_api_key");

        // Last, one socket on every replica with the user's key in ?token=. A replica logs a socket's opening after all it
        // logged for the requests above, and its closing after that: once the closing of every socket of this user is
        // in, every replica's log holds all that this test caused.
        var replicas = new HashSet<string>();
        for (var attempt = 0; attempt < 10 * host.ApiReplicas && replicas.Count < host.ApiReplicas; attempt++)
        {
            await using var socket = await HubClient.ConnectSyncedAsync(host, adminRotated);
            replicas.Add(socket.Replica ?? throw new Xunit.Sdk.XunitException("The hub's upgrade response named no replica."));
            userSockets++;
        }
        Assert.Equal(host.ApiReplicas, replicas.Count);
        await Eventually.HoldsAsync(() =>
        {
            var opened = host.Logs.Lines.Select(l => SocketOpened().Match(l))
                .Where(m => m.Success && m.Groups[2].Value == user.Username).Select(m => m.Groups[1].Value).ToList();
            return opened.Count == userSockets && opened.All(id => CountLines($"Hub connection {id} of {user.Username} closed with ") == 1);
        }, "every replica to log the opening and closing of this test's sockets", LogTimeout);
        await Eventually.HoldsAsync(() => CountLines("Failed login for (malformed)") > malformedFailures,
            "the failed login to be logged without its username", LogTimeout);

        // Every resource's output: PostgreSQL, RabbitMQ, both API replicas and the worker.
        var lines = host.Logs.Lines.ToList();
        var resources = lines.Select(l => ResourceName().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "messaging", "api", "worker" }, resources);
        var logs = string.Join('\n', lines);
        string[] secrets = [DocsfyAppHost.AdminKey, user.ApiKey, rotated, adminRotated, session, secondSession, mistyped, queryToken,
            bogusHubToken];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    private int CountLines(string text) => fixture.Host.Logs.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    [GeneratedRegex(@"\A\[([a-z]+)(?:-[^\]]*)?\] ")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"Hub connection (\S+) opened for (\S+)")]
    private static partial Regex SocketOpened();
}
