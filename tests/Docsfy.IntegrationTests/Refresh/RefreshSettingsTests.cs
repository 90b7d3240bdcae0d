using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Refresh;

/// <summary>
/// <c>GET</c>/<c>PUT /api/projects/{name}/refresh</c> and <c>POST …/refresh/rotate-secret</c>: the owner's and admins'
/// alone, the secret shown only when created or rotated, and gone with the project.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class RefreshSettingsTests(DocsfyAppFixture fixture)
{
    private static readonly object Settings = new { interval_minutes = 60, on_push = true, variants = "all" };

    [Fact]
    public async Task The_owner_sets_up_refresh_and_sees_the_secret_only_when_it_is_created_or_rotated()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "refresh-owner", "user");
        var name = DocsfyAppFixture.UniqueName("refresh-own");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, branch: "dev");
        var route = $"/api/projects/{name}/refresh";

        // Before anything is set: off, every variant, no webhook yet.
        var initial = (await client.GetAsync(route, owner.Bearer)).AssertStatus(HttpStatusCode.OK).Json;
        Assert.Equal(JsonValueKind.Null, initial.GetProperty("interval_minutes").ValueKind);
        Assert.False(initial.GetProperty("on_push").GetBoolean());
        Assert.Equal("all", initial.GetProperty("variants").GetString());
        Assert.Equal(JsonValueKind.Null, initial.GetProperty("webhook_url").ValueKind);
        // The bounds a form checks before sending: the test host's shortened minimum, and 7 days.
        Assert.Equal((1, 10080), (initial.GetProperty("min_interval_minutes").GetInt32(), initial.GetProperty("max_interval_minutes").GetInt32()));

        var created = (await client.SendAsync(HttpMethod.Put, route, owner.Bearer, Settings)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("no-store", created.Header("Cache-Control"));
        var secret = created.String("webhook_secret");
        var webhookUrl = created.String("webhook_url");
        Assert.Matches(@"\Awhsec_[A-Za-z0-9_-]{43}\z", secret);
        // The URL names an unguessable id, not the project.
        Assert.Matches(@"/api/hooks/[A-Za-z0-9_-]{32}\z", webhookUrl);
        Assert.DoesNotContain(name, webhookUrl, StringComparison.Ordinal);
        Assert.Equal((60, true, owner.Username), (created.Json.GetProperty("interval_minutes").GetInt32(),
            created.Json.GetProperty("on_push").GetBoolean(), created.String("owner")));

        // Read or changed again: the same webhook, never the secret.
        var read = (await client.GetAsync(route, owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.False(read.Json.TryGetProperty("webhook_secret", out _));
        Assert.Equal(webhookUrl, read.String("webhook_url"));
        var changed = (await client.SendAsync(HttpMethod.Put, route, owner.Bearer,
            new { interval_minutes = (int?)null, on_push = true, variants = new[] { "dev/cursor/gpt-5" } })).AssertStatus(HttpStatusCode.OK);
        Assert.False(changed.Json.TryGetProperty("webhook_secret", out _));
        Assert.Equal(["dev/cursor/gpt-5"], changed.Json.GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(JsonValueKind.Null, changed.Json.GetProperty("next_check_at").ValueKind);

        // Rotating gives a new secret for the same URL.
        var rotated = (await client.PostAsync($"{route}/rotate-secret", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.NotEqual(secret, rotated.String("webhook_secret"));
        Assert.Equal(webhookUrl, rotated.String("webhook_url"));
    }

    [Fact]
    public async Task Only_the_owner_and_admins_see_or_change_settings_and_strangers_learn_nothing()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "refresh-alice", "user");
        var grantee = await Users.CreateAsync(client, "refresh-grantee", "user");
        var viewer = await Users.CreateAsync(client, "refresh-viewer", "viewer");
        var stranger = await Users.CreateAsync(client, "refresh-stranger", "user");
        var name = DocsfyAppFixture.UniqueName("refresh-acl");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        foreach (var user in new[] { grantee, viewer })
        {
            (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
                new { username = user.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);
        }
        var route = $"/api/projects/{name}/refresh?owner={owner.Username}";

        // An admin names the owner and manages it for them.
        var byAdmin = (await client.SendAsync(HttpMethod.Put, route, DocsfyAppFixture.Admin, Settings)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(owner.Username, byAdmin.String("owner"));
        (await client.GetAsync(route, DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
        (await client.GetAsync($"/api/projects/{name}/refresh", owner.Bearer)).AssertStatus(HttpStatusCode.OK);

        // Grantees see the project but not its webhook or secret; a viewer grantee neither.
        foreach (var user in new[] { grantee, viewer })
        {
            (await client.GetAsync(route, user.Bearer)).AssertError(HttpStatusCode.Forbidden);
            (await client.SendAsync(HttpMethod.Put, route, user.Bearer, Settings)).AssertError(HttpStatusCode.Forbidden);
            (await client.PostAsync($"/api/projects/{name}/refresh/rotate-secret?owner={owner.Username}", user.Bearer))
                .AssertError(HttpStatusCode.Forbidden);
        }
        // Without ?owner= a grantee means their own project, which does not exist.
        (await client.GetAsync($"/api/projects/{name}/refresh", grantee.Bearer)).AssertError(HttpStatusCode.NotFound);

        // A stranger gets exactly what a project that does not exist gets.
        var hidden = (await client.GetAsync(route, stranger.Bearer)).AssertError(HttpStatusCode.NotFound);
        var absent = (await client.GetAsync($"/api/projects/{name}-nope/refresh?owner={owner.Username}", stranger.Bearer))
            .AssertError(HttpStatusCode.NotFound);
        Assert.Equal(absent.Detail.Replace("-nope", "", StringComparison.Ordinal), hidden.Detail);
        (await client.SendAsync(HttpMethod.Put, route, stranger.Bearer, Settings)).AssertError(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/projects/{name}/refresh/rotate-secret?owner={owner.Username}", stranger.Bearer))
            .AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync(route)).AssertError(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"interval_minutes": 0, "on_push": true, "variants": "all"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": 10081, "on_push": true, "variants": "all"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": null, "on_push": true, "variants": "some"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": null, "on_push": true, "variants": []}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": null, "on_push": true, "variants": ["main/cursor/other-model"]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": null, "on_push": true, "variants": ["../x/y/z"]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": null, "on_push": true, "variants": [42]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"interval_minutes": null, "on_push": true}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"interval_minutes": "60", "on_push": true, "variants": "all"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"interval_minutes": 60, "on_push": true, "variants": "all", "secret": "mine"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"interval_minutes": 60,""", HttpStatusCode.BadRequest)]
    public async Task Bad_settings_are_refused_and_change_nothing(string body, HttpStatusCode expected)
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "refresh-bad", "user");
        var name = DocsfyAppFixture.UniqueName("refresh-bad");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        (await client.SendRawAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer, body)).AssertError(expected);
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from project_refresh where project_name = @name",
            ("name", name)));
    }

    [Fact]
    public async Task A_secret_is_rotated_only_once_there_are_settings()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "refresh-rot", "user");
        var name = DocsfyAppFixture.UniqueName("refresh-rot");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        (await client.PostAsync($"/api/projects/{name}/refresh/rotate-secret", owner.Bearer)).AssertError(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deleting_the_project_deletes_its_settings_and_its_webhook_stops_answering()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "refresh-del", "user");
        var name = DocsfyAppFixture.UniqueName("refresh-del");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        var created = (await client.SendAsync(HttpMethod.Put, $"/api/projects/{name}/refresh", owner.Bearer, Settings))
            .AssertStatus(HttpStatusCode.OK);
        var (url, secret) = (created.String("webhook_url"), created.String("webhook_secret"));
        using (var ping = PushDeliveries.Push("generic", url, secret, "other", "abc", "before-delete"))
        {
            (await client.SendAsync(ping)).AssertStatus(HttpStatusCode.OK);
        }

        (await client.SendAsync(HttpMethod.Delete, $"/api/projects/{name}", owner.Bearer)).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from project_refresh where project_name = @name",
            ("name", name)));
        using var after = PushDeliveries.Push("generic", url, secret, "other", "abc", "after-delete");
        (await client.SendAsync(after)).AssertError(HttpStatusCode.Unauthorized);
    }
}
