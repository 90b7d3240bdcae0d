using System.Net;
using System.Net.WebSockets;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Hub;

/// <summary>Each way in to <c>/api/ws</c>, and each way it refuses with 1008.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class HubAuthTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Admin_key_user_key_and_session_cookie_each_get_an_immediate_sync()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "ws-auth", "viewer");
        var session = await client.LoginAsync(user.Username, user.ApiKey);

        await using var admin = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey);
        await using var byKey = await HubClient.ConnectAsync(fixture.Host, token: user.ApiKey);
        await using var byCookie = await HubClient.ConnectAsync(fixture.Host, sessionCookie: session,
            origin: fixture.Host.ApiBaseAddress.GetLeftPart(UriPartial.Authority));
        foreach (var socket in new[] { admin, byKey, byCookie })
        {
            var first = await socket.NextAsync();
            Assert.Equal("sync", first.GetProperty("type").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Array, first.GetProperty("projects").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, first.GetProperty("known_models").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, first.GetProperty("known_branches").ValueKind);
        }
    }

    [Fact]
    public async Task Missing_wrong_and_header_only_credentials_close_with_1008()
    {
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host));
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, token: "docsfy_not-a-real-key-000000000000"));
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, token: new string('x', 5000)));
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, authorizationHeader: $"Bearer {DocsfyAppHost.AdminKey}"));
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, sessionCookie: "not-a-session"));
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, sessionCookie: new string('a', 43)));
    }

    [Fact]
    public async Task Keys_in_an_Authorization_header_are_never_read_by_the_hub_so_wrong_ones_do_not_count_as_guesses()
    {
        // More wrong keys than the per-address limit (30), all in the header the hub does not read, from one address...
        var address = ClientAddresses.Next();
        for (var i = 0; i < 35; i++)
        {
            await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, authorizationHeader: $"Bearer docsfy_wrong-{i:D2}-0000000000000000",
                clientAddress: address));
        }

        // ...and that address is not throttled: the right key still opens a socket and logs in.
        await using var socket = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey, clientAddress: address);
        await socket.NextOfTypeAsync("sync");
        using var client = fixture.Host.Client(address);
        await client.LoginAsync("admin", DocsfyAppHost.AdminKey);
    }

    [Fact]
    public async Task Ended_sessions_and_deleted_users_keys_close_with_1008()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "ws-ended", "user");
        var session = await client.LoginAsync(user.Username, user.ApiKey);
        (await client.PostAsync("/api/auth/logout", Credential.Session(session))).AssertStatus(HttpStatusCode.NoContent);
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, sessionCookie: session));

        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{user.Username}", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.NoContent);
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, token: user.ApiKey));
    }

    [Fact]
    public async Task A_cookie_from_a_foreign_origin_is_refused_but_a_token_from_one_is_not()
    {
        using var client = fixture.Host.Client();
        var session = await client.LoginAsync("admin", DocsfyAppHost.AdminKey);
        await AssertRefusedAsync(await HubClient.ConnectAsync(fixture.Host, sessionCookie: session, origin: "https://evil.example"));

        await using var withToken = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey, origin: "https://evil.example");
        Assert.Equal("sync", (await withToken.NextAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Rotating_a_key_or_deleting_the_user_closes_their_open_sockets()
    {
        using var client = fixture.Host.Client();
        var rotating = await Users.CreateAsync(client, "ws-rot", "user");
        await using var rotatingSocket = await HubClient.ConnectAsync(fixture.Host, token: rotating.ApiKey);
        await rotatingSocket.NextAsync();
        (await client.PostAsync("/api/auth/rotate-key", rotating.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await rotatingSocket.ClosedAsync(CloseWait));

        var deleted = await Users.CreateAsync(client, "ws-del", "viewer");
        await using var deletedSocket = await HubClient.ConnectAsync(fixture.Host, token: deleted.ApiKey);
        await deletedSocket.NextAsync();
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{deleted.Username}", DocsfyAppFixture.Admin))
            .AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await deletedSocket.ClosedAsync(CloseWait));
    }

    private static async Task AssertRefusedAsync(HubClient socket)
    {
        await using (socket)
        {
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ClosedAsync(CloseWait));
        }
    }
}
