using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Generation;

/// <summary>
/// <c>POST /api/projects/{name}/{branch}/{provider}/{model}/regenerate</c>: an existing variant run again from the
/// source it records, through the same run lifecycle as <c>POST /api/generate</c>, by exactly the people who may.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class RegenerateTests(DocsfyAppFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_owner_regenerates_from_the_recorded_source_incrementally_or_forced()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "regen-owner", "user");
        using var repository = ServedRepository.Create("regen", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        (await client.PostAsync("/api/generate", owner.Bearer,
            new { repo_url = repository.Url, ai_provider = "offline", ai_model = "markdown", repo_type = "library" }))
            .AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal("ready", (await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout)).StatusChange.GetProperty("status").GetString());
        var route = $"/api/projects/{name}/main/offline/markdown/regenerate";

        // No body: the defaults. The commit is unchanged, so the run finds it up to date.
        var again = (await client.PostAsync(route, owner.Bearer)).AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal((name, owner.Username, "offline", "markdown", "generating"),
            (again.String("project"), again.String("owner"), again.String("ai_provider"), again.String("ai_model"), again.String("status")));
        Assert.Equal($"/api/projects/by-id/{again.String("generation_id")}", again.Header("Location"));
        var upToDate = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal(["cloning"], upToDate.Stages.Distinct());
        var synced = upToDate.SyncedVariant(name);
        Assert.Equal("up_to_date", synced.GetProperty("current_stage").GetString());
        Assert.Equal(repository.Url, synced.GetProperty("repo_url").GetString());
        Assert.Equal("library", synced.GetProperty("repo_type").GetString());

        // Forced: every stage again.
        (await client.PostAsync(route, owner.Bearer, new { force = true })).AssertStatus(HttpStatusCode.Accepted);
        var forced = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Contains("rendering", forced.Stages);
        Assert.Equal("ready", forced.StatusChange.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_the_owner_and_admins_regenerate_and_nobody_learns_of_a_variant_they_cannot_see()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "regen-alice", "user");
        var grantee = await Users.CreateAsync(client, "regen-grantee", "user");
        var viewer = await Users.CreateAsync(client, "regen-viewer", "viewer");
        var stranger = await Users.CreateAsync(client, "regen-stranger", "user");
        var name = DocsfyAppFixture.UniqueName("regen-access");
        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "ready");
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = grantee.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);
        var route = $"/api/projects/{name}/main/cursor/gpt-5/regenerate";

        // A grantee sees it but may not run it; a viewer may not run anything; a stranger does not see it at all, not even
        // by naming its owner.
        Assert.Contains("only your own", (await client.PostAsync($"{route}?owner={owner.Username}", grantee.Bearer))
            .AssertError(HttpStatusCode.Forbidden).Detail, StringComparison.Ordinal);
        (await client.PostAsync($"{route}?owner={owner.Username}", viewer.Bearer)).AssertError(HttpStatusCode.Forbidden);
        var hidden = (await client.PostAsync($"{route}?owner={owner.Username}", stranger.Bearer)).AssertError(HttpStatusCode.NotFound);
        var absent = (await client.PostAsync($"/api/projects/{name}-nope/main/cursor/gpt-5/regenerate?owner={owner.Username}", stranger.Bearer))
            .AssertError(HttpStatusCode.NotFound);
        Assert.Equal(absent.Detail.Replace("-nope", "", StringComparison.Ordinal), hidden.Detail);
        // Without ?owner= the caller names their own variant, which the grantee has none of.
        (await client.PostAsync(route, grantee.Bearer)).AssertError(HttpStatusCode.NotFound);
        // Nothing of that started a run.
        Assert.Equal(runId.ToString(), await VariantRows.ColumnAsync(fixture.Host, runId, "generation_id"));
        Assert.Equal("ready", await VariantRows.ColumnAsync(fixture.Host, runId, "status"));
    }

    [Fact]
    public async Task A_variant_already_generating_is_a_conflict_and_an_admin_run_stays_the_owners_variant()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "regen-busy", "user");
        using var repository = ServedRepository.Create("regen-busy", GenerationTests.SampleFiles);
        var name = repository.Name;
        await using var socket = await HubClient.ConnectSyncedAsync(fixture.Host, owner.ApiKey);
        (await client.PostAsync("/api/generate", owner.Bearer, new { repo_url = repository.Url, ai_provider = "offline" }))
            .AssertStatus(HttpStatusCode.Accepted);
        await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        var route = $"/api/projects/{name}/main/offline/markdown/regenerate?owner={owner.Username.ToUpperInvariant()}";

        var byAdmin = (await client.PostAsync(route, DocsfyAppFixture.Admin, new { force = true })).AssertStatus(HttpStatusCode.Accepted);
        Assert.Equal(owner.Username, byAdmin.String("owner"));
        var busy = (await client.PostAsync(route, DocsfyAppFixture.Admin)).AssertError(HttpStatusCode.Conflict);
        Assert.Contains("already generating", busy.Detail, StringComparison.Ordinal);
        var finished = await RunWatcher.UntilFinishedAsync(socket, name, RunTimeout);
        Assert.Equal("ready", finished.StatusChange.GetProperty("status").GetString());
        Assert.Equal(owner.Username, finished.SyncedVariant(name).GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("application/json", "{\"force\": \"yes\"}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("application/json", "{\"force\": true, \"branch\": \"dev\"}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("application/json", "{\"force\":", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.UnprocessableEntity)]
    [InlineData("text/plain", "force", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_body_is_read_as_strictly_as_every_other(string contentType, string body, HttpStatusCode expected)
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "regen-body", "user");
        var name = DocsfyAppFixture.UniqueName("regen-body");
        var runId = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "ready");
        (await client.SendRawAsync(HttpMethod.Post, $"/api/projects/{name}/main/cursor/gpt-5/regenerate", owner.Bearer, body,
            contentType)).AssertError(expected);
        Assert.Equal("ready", await VariantRows.ColumnAsync(fixture.Host, runId, "status"));
    }
}
