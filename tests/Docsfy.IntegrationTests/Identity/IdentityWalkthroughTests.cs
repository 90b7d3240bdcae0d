using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>The whole identity story against the real app host: two API replicas, PostgreSQL and RabbitMQ.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class IdentityWalkthroughTests(DocsfyAppFixture fixture)
{
    private static readonly Credential Admin = DocsfyAppFixture.Admin;

    [Fact]
    public async Task Admin_user_and_viewer_walk_through_login_rotation_roles_grants_and_deletion()
    {
        using var client = fixture.Host.Client();

        // Admin: by session cookie and by Bearer.
        var adminSession = Credential.Session(await client.LoginAsync("admin", DocsfyAppHost.AdminKey));
        await AssertMeAsync(client, adminSession, "admin", "admin", isAdmin: true);
        await AssertMeAsync(client, Admin, "admin", "admin", isAdmin: true);

        // Admin creates a user and a viewer; each logs in with its own key.
        var user = await Users.CreateAsync(client, "walk-user", "user");
        var viewer = await Users.CreateAsync(client, "walk-viewer", "viewer");
        var userSession = Credential.Session(await client.LoginAsync(user.Username, user.ApiKey));
        var viewerSession = Credential.Session(await client.LoginAsync(viewer.Username, viewer.ApiKey));
        await AssertMeAsync(client, userSession, user.Username, "user", isAdmin: false);
        await AssertMeAsync(client, user.Bearer, user.Username, "user", isAdmin: false);
        await AssertMeAsync(client, viewerSession, viewer.Username, "viewer", isAdmin: false);
        await AssertMeAsync(client, viewer.Bearer, viewer.Username, "viewer", isAdmin: false);

        // Neither may manage users.
        (await client.GetAsync("/api/admin/users", userSession)).AssertError(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/admin/users", viewer.Bearer)).AssertError(HttpStatusCode.Forbidden);

        // The user rotates its key: the old key and the old session stop working, the new key works.
        var rotated = await client.PostAsync("/api/auth/rotate-key", userSession);
        rotated.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("no-store", rotated.Header("Cache-Control"));
        Assert.Equal(user.Username, rotated.String("username"));
        var newKey = rotated.String("new_api_key");
        Assert.StartsWith("docsfy_", newKey);
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/auth/me", userSession)).AssertError(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/auth/login", null, new { username = user.Username, api_key = user.ApiKey }))
            .AssertError(HttpStatusCode.Unauthorized);
        var userKey = Credential.Bearer(newKey);
        await AssertMeAsync(client, userKey, user.Username, "user", isAdmin: false);
        userSession = Credential.Session(await client.LoginAsync(user.Username, newKey));

        // Admin changes the viewer's role: the open session has the new role on its very next request.
        var promoted = await client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{viewer.Username}", Admin, new { role = "admin" });
        promoted.AssertStatus(HttpStatusCode.OK);
        await AssertMeAsync(client, viewerSession, viewer.Username, "admin", isAdmin: true);
        (await client.GetAsync("/api/admin/users", viewerSession)).AssertStatus(HttpStatusCode.OK);
        (await client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{viewer.Username}", Admin, new { role = "viewer" }))
            .AssertStatus(HttpStatusCode.OK);
        (await client.GetAsync("/api/admin/users", viewerSession)).AssertError(HttpStatusCode.Forbidden);

        // Admin grants the viewer the user's project, then revokes it: /api/projects follows at once.
        var project = DocsfyAppFixture.UniqueName("walk-proj");
        await VariantRows.InsertAsync(fixture.Host, project, user.Username);
        Assert.DoesNotContain(project, await VisibleProjectsAsync(client, viewerSession));
        Assert.Contains(project, await VisibleProjectsAsync(client, userSession));

        (await client.PostAsync($"/api/admin/projects/{project}/access", Admin, new { username = viewer.Username, owner = user.Username }))
            .AssertStatus(HttpStatusCode.Created);
        var grants = await client.GetAsync($"/api/admin/projects/{project}/access?owner={user.Username}", Admin);
        Assert.Equal([viewer.Username], grants.Json.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains(project, await VisibleProjectsAsync(client, viewerSession));

        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/projects/{project}/access/{viewer.Username}?owner={user.Username}", Admin))
            .AssertStatus(HttpStatusCode.NoContent);
        Assert.DoesNotContain(project, await VisibleProjectsAsync(client, viewerSession));

        // Admin deletes the user: its key and its sessions stop working, its variants go with it.
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{user.Username}", Admin)).AssertStatus(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me", userKey)).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/auth/me", userSession)).AssertError(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from variants where owner = @owner", ("owner", user.Username)));
        var remaining = (await client.GetAsync("/api/admin/users", Admin)).Json.GetProperty("users").EnumerateArray()
            .Select(u => u.GetProperty("username").GetString()).ToList();
        Assert.DoesNotContain(user.Username, remaining);
        Assert.Contains(viewer.Username, remaining);
    }

    [Fact]
    public async Task Login_sets_the_session_cookie_exactly_as_the_reference_describes()
    {
        using var client = fixture.Host.Client();
        var reply = await client.PostAsync("/api/auth/login", null, new { username = "admin", api_key = DocsfyAppHost.AdminKey });
        reply.AssertStatus(HttpStatusCode.OK);
        Assert.True(reply.Json.GetProperty("is_admin").GetBoolean());

        var cookie = Assert.Single(reply.SetCookies, c => c.StartsWith("docsfy_session=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("max-age=28800", attributes);
        Assert.Contains("path=/", attributes);
        // The app host serves plain http locally and so sets SECURE_COOKIES=false.
        Assert.DoesNotContain("secure", attributes);
        Assert.Matches(@"\A[A-Za-z0-9_-]{43}\z", reply.SessionCookie!);
    }

    [Fact]
    public async Task Logout_ends_the_session_and_clears_the_cookie()
    {
        using var client = fixture.Host.Client();
        var session = Credential.Session(await client.LoginAsync("admin", DocsfyAppHost.AdminKey));
        var logout = await client.PostAsync("/api/auth/logout", session);
        logout.AssertStatus(HttpStatusCode.NoContent);
        Assert.Contains(logout.SetCookies, c => c.StartsWith("docsfy_session=;", StringComparison.Ordinal));
        (await client.GetAsync("/api/auth/me", session)).AssertError(HttpStatusCode.Unauthorized);
        // Logging out again, or without a session, is harmless.
        (await client.PostAsync("/api/auth/logout", session)).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Users_can_rotate_to_a_custom_key_and_admins_can_rotate_anyones_key()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "rot", "viewer");

        var custom = "my-own-custom-key-" + Guid.NewGuid().ToString("N")[..8];
        var rotated = await client.PostAsync("/api/auth/rotate-key", user.Bearer, new { new_key = custom });
        rotated.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(custom, rotated.String("new_api_key"));
        await AssertMeAsync(client, Credential.Bearer(custom), user.Username, "viewer", isAdmin: false);

        var session = Credential.Session(await client.LoginAsync(user.Username, custom));
        var byAdmin = await client.PostAsync($"/api/admin/users/{user.Username}/rotate-key", Admin);
        byAdmin.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("no-store", byAdmin.Header("Cache-Control"));
        (await client.GetAsync("/api/auth/me", Credential.Bearer(custom))).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/auth/me", session)).AssertError(HttpStatusCode.Unauthorized);
        await AssertMeAsync(client, Credential.Bearer(byAdmin.String("new_api_key")), user.Username, "viewer", isAdmin: false);
    }

    [Fact]
    public async Task The_built_in_admin_cannot_rotate_its_key_or_be_managed_as_a_user()
    {
        using var client = fixture.Host.Client();
        (await client.PostAsync("/api/auth/rotate-key", Admin)).AssertError(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/admin/users/admin/rotate-key", Admin)).AssertError(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/admin/users", Admin, new { username = "ADMIN", role = "user" })).AssertError(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Delete, "/api/admin/users/admin", Admin)).AssertError(HttpStatusCode.BadRequest);
        // The admin key logs in only as "admin".
        (await client.PostAsync("/api/auth/login", null, new { username = "someone", api_key = DocsfyAppHost.AdminKey }))
            .AssertError(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Models_are_public_and_name_the_defaults()
    {
        using var client = fixture.Host.Client();
        var reply = await client.GetAsync("/api/models");
        reply.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("cursor", reply.String("default_provider"));
        Assert.Equal("gpt-5.4-xhigh-fast", reply.String("default_model"));
        var providers = reply.Json.GetProperty("providers").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("offline", providers);
        Assert.Contains("claude", providers);
    }

    private static async Task AssertMeAsync(DocsfyClient client, Credential credential, string username, string role, bool isAdmin)
    {
        var me = await client.GetAsync("/api/auth/me", credential);
        me.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(username, me.String("username"));
        Assert.Equal(role, me.String("role"));
        Assert.Equal(isAdmin, me.Json.GetProperty("is_admin").GetBoolean());
    }

    private static async Task<List<string>> VisibleProjectsAsync(DocsfyClient client, Credential credential)
    {
        var reply = await client.GetAsync("/api/projects", credential);
        reply.AssertStatus(HttpStatusCode.OK);
        return [.. reply.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
    }
}
