using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Variants;

/// <summary>
/// <c>GET /api/projects</c> for admin, owner, grantee, another user and a viewer, on rows the test writes. Project names
/// are unique to this test, so rows of other tests in the shared database are filtered out before comparing.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class VisibilityTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Each_role_sees_exactly_its_own_and_shared_variants_with_the_right_known_maps()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "vis-alice", "user");
        var bob = await Users.CreateAsync(client, "vis-bob", "user");
        var carol = await Users.CreateAsync(client, "vis-carol", "user");
        var victor = await Users.CreateAsync(client, "vis-victor", "viewer");
        var shared = DocsfyAppFixture.UniqueName("vis-shared");
        var secret = DocsfyAppFixture.UniqueName("vis-secret");
        var model = $"model-{Guid.NewGuid():N}";
        var t0 = DateTime.UtcNow.AddHours(-3);

        await VariantRows.InsertAsync(fixture.Host, shared, alice.Username, "ready", "main", "cursor", model, t0);
        await VariantRows.InsertAsync(fixture.Host, shared, alice.Username, "error", "dev", "claude", model, t0.AddHours(1));
        await VariantRows.InsertAsync(fixture.Host, shared, alice.Username, "ready", "feature-a", "claude", model, t0.AddHours(2));
        await VariantRows.InsertAsync(fixture.Host, shared, bob.Username, "ready", "bob-branch", "gemini", model, t0.AddMinutes(30));
        await VariantRows.InsertAsync(fixture.Host, secret, bob.Username, "generating", "main", "cursor", model, t0.AddMinutes(90));

        // Alice's project is shared with Carol and with Victor the viewer; Bob's are shared with no one.
        foreach (var granteeName in new[] { carol.Username, victor.Username })
        {
            (await client.PostAsync($"/api/admin/projects/{shared}/access", DocsfyAppFixture.Admin,
                new { username = granteeName, owner = alice.Username })).AssertStatus(HttpStatusCode.Created);
        }

        var admin = await SnapshotAsync(client, DocsfyAppFixture.Admin, shared, secret);
        Assert.Equal(
            [$"{shared}/feature-a/{alice.Username}", $"{secret}/main/{bob.Username}", $"{shared}/dev/{alice.Username}",
             $"{shared}/bob-branch/{bob.Username}", $"{shared}/main/{alice.Username}"],
            admin.Projects);
        Assert.Equal(["bob-branch", "feature-a", "main"], admin.Branches[shared]);
        Assert.False(admin.Branches.ContainsKey(secret));

        var owner = await SnapshotAsync(client, alice.Bearer, shared, secret);
        Assert.Equal([$"{shared}/feature-a/{alice.Username}", $"{shared}/dev/{alice.Username}", $"{shared}/main/{alice.Username}"],
            owner.Projects);
        Assert.Equal(["feature-a", "main"], owner.Branches[shared]);

        // A grantee sees the owner's variants, but known_branches holds only the caller's own ready branches.
        var grantee = await SnapshotAsync(client, carol.Bearer, shared, secret);
        Assert.Equal(owner.Projects, grantee.Projects);
        Assert.Empty(grantee.Branches);
        var viewer = await SnapshotAsync(client, victor.Bearer, shared, secret);
        Assert.Equal(owner.Projects, viewer.Projects);

        var other = await SnapshotAsync(client, bob.Bearer, shared, secret);
        Assert.Equal([$"{secret}/main/{bob.Username}", $"{shared}/bob-branch/{bob.Username}"], other.Projects);
        Assert.Equal(["bob-branch"], other.Branches[shared]);

        // known_models are not private: everyone knows every ready model, and nobody a model that is only in error.
        foreach (var snapshot in new[] { admin, owner, grantee, viewer, other })
        {
            Assert.Equal([model], snapshot.Models["cursor"].Where(m => m == model));
            Assert.Equal([model], snapshot.Models["claude"].Where(m => m == model));
            Assert.Equal([model], snapshot.Models["gemini"].Where(m => m == model));
        }
    }

    [Fact]
    public async Task Variants_carry_every_field_of_the_reference()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "fields", "user");
        var name = DocsfyAppFixture.UniqueName("fields");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);

        var reply = await client.GetAsync("/api/projects", owner.Bearer);
        var variant = Assert.Single(reply.Json.GetProperty("projects").EnumerateArray());
        string[] fields =
        [
            "name", "branch", "ai_provider", "ai_model", "owner", "repo_url", "status", "current_stage", "last_commit_sha",
            "last_generated", "page_count", "error_message", "plan_json", "created_at", "updated_at", "generation_id", "repo_type",
            "published_commit_sha", "left_out",
        ];
        Assert.Equal(fields.Order(), variant.EnumerateObject().Select(p => p.Name).Order());
        Assert.Matches(@"\A\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\z", variant.GetProperty("updated_at").GetString());
        Assert.Equal(JsonValueKind.Null, variant.GetProperty("current_stage").ValueKind);
        Assert.Equal(0, variant.GetProperty("page_count").GetInt32());
    }

    [Fact]
    public async Task Grants_need_an_existing_project_and_user_and_revoking_nothing_is_404()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "g-owner", "user");
        var grantee = await Users.CreateAsync(client, "g-grantee", "viewer");
        var name = DocsfyAppFixture.UniqueName("g-proj");
        var admin = DocsfyAppFixture.Admin;

        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = grantee.Username, owner = owner.Username }))
            .AssertError(HttpStatusCode.NotFound);
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = "nobody-here", owner = owner.Username }))
            .AssertError(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = owner.Username, owner = owner.Username }))
            .AssertError(HttpStatusCode.BadRequest);
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = grantee.Username, owner = owner.Username }))
            .AssertStatus(HttpStatusCode.Created);
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = grantee.Username, owner = owner.Username }))
            .AssertStatus(HttpStatusCode.OK);
        (await client.GetAsync($"/api/admin/projects/{name}/access", admin)).AssertError(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/projects/{name}/access/{grantee.Username}?owner={owner.Username}", admin))
            .AssertStatus(HttpStatusCode.NoContent);
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/projects/{name}/access/{grantee.Username}?owner={owner.Username}", admin))
            .AssertError(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/admin/projects/{name}/access", owner.Bearer, new { username = grantee.Username, owner = owner.Username }))
            .AssertError(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Access_endpoints_match_the_owner_regardless_of_case_like_every_other_username()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "gc-owner", "user");
        var grantee = await Users.CreateAsync(client, "gc-grantee", "viewer");
        var name = DocsfyAppFixture.UniqueName("gc-proj");
        var admin = DocsfyAppFixture.Admin;
        var shouted = owner.Username.ToUpperInvariant();
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);

        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = grantee.Username, owner = shouted }))
            .AssertStatus(HttpStatusCode.Created);
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = grantee.Username, owner = owner.Username }))
            .AssertStatus(HttpStatusCode.OK);
        var list = (await client.GetAsync($"/api/admin/projects/{name}/access?owner={shouted}", admin)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal([grantee.Username], list.Json.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        // The grant is stored under the owner's own spelling, so it really shares the project.
        (await client.GetAsync($"/api/projects/{name}", grantee.Bearer)).AssertStatus(HttpStatusCode.OK);

        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/projects/{name}/access/{grantee.Username}?owner={shouted}", admin))
            .AssertStatus(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/projects/{name}", grantee.Bearer)).AssertError(HttpStatusCode.NotFound);
    }

    private sealed record Snapshot(
        List<string> Projects, Dictionary<string, List<string>> Branches, Dictionary<string, List<string>> Models);

    /// <summary>The caller's snapshot restricted to this test's project names, as "name/branch/owner" in API order.</summary>
    private static async Task<Snapshot> SnapshotAsync(DocsfyClient client, Credential credential, params string[] names)
    {
        var reply = await client.GetAsync("/api/projects", credential);
        reply.AssertStatus(HttpStatusCode.OK);
        var json = reply.Json;
        var projects = json.GetProperty("projects").EnumerateArray()
            .Where(p => names.Contains(p.GetProperty("name").GetString()))
            .Select(p => $"{p.GetProperty("name").GetString()}/{p.GetProperty("branch").GetString()}/{p.GetProperty("owner").GetString()}")
            .ToList();
        var branches = json.GetProperty("known_branches").EnumerateObject()
            .Where(p => names.Contains(p.Name))
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(b => b.GetString()!).ToList());
        var models = json.GetProperty("known_models").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToList());
        return new Snapshot(projects, branches, models);
    }
}
