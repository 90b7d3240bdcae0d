using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Variants;

/// <summary>
/// The single-project and single-variant reads for admin, owner, grantee and outsider: what one may not see answers 404
/// exactly like what does not exist, and several owners of the same variant key are resolved or called ambiguous.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class VariantReadTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Project_variant_and_id_reads_follow_the_visibility_rules()
    {
        using var client = fixture.Host.Client();
        var admin = DocsfyAppFixture.Admin;
        var alice = await Users.CreateAsync(client, "read-alice", "user");
        var bob = await Users.CreateAsync(client, "read-bob", "user");
        var carol = await Users.CreateAsync(client, "read-carol", "viewer");
        var dave = await Users.CreateAsync(client, "read-dave", "user");
        var name = DocsfyAppFixture.UniqueName("read");
        var t0 = DateTime.UtcNow.AddHours(-2);
        var aliceMain = await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "ready", "main", "cursor", "m1", t0);
        var aliceDev = await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "error", "dev", "claude", "m2", t0.AddHours(1));
        var bobMain = await VariantRows.InsertAsync(fixture.Host, name, bob.Username, "ready", "main", "cursor", "m1", t0.AddMinutes(30));
        await GrantAsync(client, name, alice.Username, carol.Username);

        // The project: everything visible, newest change first; nothing visible is 404.
        Assert.Equal([aliceDev, bobMain, aliceMain], await ProjectIdsAsync(client, name, admin));
        Assert.Equal([aliceDev, aliceMain], await ProjectIdsAsync(client, name, alice.Bearer));
        Assert.Equal([aliceDev, aliceMain], await ProjectIdsAsync(client, name, carol.Bearer));
        Assert.Equal([bobMain], await ProjectIdsAsync(client, name, bob.Bearer));
        (await client.GetAsync($"/api/projects/{name}", dave.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{DocsfyAppFixture.UniqueName("none")}", admin)).AssertError(HttpStatusCode.NotFound);

        // One variant: the caller's own wins, a single shared one is found, several others are ambiguous.
        var variant = $"/api/projects/{name}/main/cursor/m1";
        Assert.Equal(aliceMain, await VariantIdAsync(client, variant, alice.Bearer));
        Assert.Equal(bobMain, await VariantIdAsync(client, variant, bob.Bearer));
        Assert.Equal(aliceMain, await VariantIdAsync(client, variant, carol.Bearer));
        (await client.GetAsync(variant, admin)).AssertError(HttpStatusCode.Conflict);
        Assert.Equal(bobMain, await VariantIdAsync(client, $"{variant}?owner={bob.Username}", admin));
        Assert.Equal(aliceMain, await VariantIdAsync(client, $"{variant}?owner={alice.Username.ToUpperInvariant()}", admin));
        (await client.GetAsync(variant, dave.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"{variant}?owner={bob.Username}", carol.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{name}/main/cursor/other-model", alice.Bearer)).AssertError(HttpStatusCode.NotFound);

        // A second share makes the grantee's lookup ambiguous until they say whose.
        await GrantAsync(client, name, bob.Username, carol.Username);
        (await client.GetAsync(variant, carol.Bearer)).AssertError(HttpStatusCode.Conflict);
        Assert.Equal(bobMain, await VariantIdAsync(client, $"{variant}?owner={bob.Username}", carol.Bearer));

        // By generation id.
        foreach (var credential in new[] { admin, alice.Bearer, carol.Bearer })
        {
            Assert.Equal(aliceDev, await VariantIdAsync(client, $"/api/projects/by-id/{aliceDev}", credential));
        }
        (await client.GetAsync($"/api/projects/by-id/{aliceDev}", dave.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/by-id/{aliceDev}", bob.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/by-id/{Guid.NewGuid()}", admin)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/projects/by-id/not-a-guid", admin)).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_variant_carries_the_reference_fields_plus_generation_id_and_repo_type()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "read-fields", "user");
        var name = DocsfyAppFixture.UniqueName("read-fields");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username);

        var reply = (await client.GetAsync($"/api/projects/{name}/main/cursor/gpt-5", owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        string[] fields =
        [
            "name", "branch", "ai_provider", "ai_model", "owner", "repo_url", "status", "current_stage", "last_commit_sha",
            "last_generated", "page_count", "error_message", "plan_json", "created_at", "updated_at", "generation_id", "repo_type",
            "published_commit_sha", "left_out",
        ];
        Assert.Equal(fields.Order(), reply.Json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(id.ToString(), reply.String("generation_id"));
        var project = (await client.GetAsync($"/api/projects/{name}", owner.Bearer)).AssertStatus(HttpStatusCode.OK).Json;
        Assert.Equal(name, project.GetProperty("name").GetString());
        Assert.Equal(fields.Order(), project.GetProperty("variants")[0].EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Owner_narrows_a_project_to_that_owners_variants_regardless_of_case()
    {
        using var client = fixture.Host.Client();
        var alice = await Users.CreateAsync(client, "narrow-alice", "user");
        var bob = await Users.CreateAsync(client, "narrow-bob", "user");
        var name = DocsfyAppFixture.UniqueName("narrow");
        var aliceId = await VariantRows.InsertAsync(fixture.Host, name, alice.Username);
        var bobId = await VariantRows.InsertAsync(fixture.Host, name, bob.Username);
        var admin = DocsfyAppFixture.Admin;

        Assert.Equal(new[] { aliceId, bobId }.Order(), (await ProjectIdsAsync(client, name, admin)).Order());
        Assert.Equal([aliceId], await ProjectIdsAsync(client, $"{name}?owner={alice.Username.ToUpperInvariant()}", admin));
        Assert.Equal([bobId], await ProjectIdsAsync(client, $"{name}?owner={bob.Username}", admin));
        (await client.GetAsync($"/api/projects/{name}?owner={bob.Username}", alice.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{name}?owner=not%20a%20user", admin)).AssertError(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/projects/bad..name")]
    [InlineData("/api/projects/.hidden")]
    [InlineData("/api/projects/x/feature..y/cursor/m")]
    [InlineData("/api/projects/x/main/cursor/m?owner=not%20a%20user")]
    [InlineData("/api/projects/x/main/%20cursor/m")]
    public async Task Malformed_names_are_400(string path)
    {
        using var client = fixture.Host.Client();
        (await client.GetAsync(path, DocsfyAppFixture.Admin)).AssertError(HttpStatusCode.BadRequest);
    }

    private static async Task GrantAsync(DocsfyClient client, string name, string owner, string grantee) =>
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin, new { username = grantee, owner }))
            .AssertStatus(HttpStatusCode.Created);

    /// <param name="nameAndQuery">The project name, optionally followed by a query such as <c>?owner=</c>.</param>
    private static async Task<List<Guid>> ProjectIdsAsync(DocsfyClient client, string nameAndQuery, Credential credential)
    {
        var json = (await client.GetAsync($"/api/projects/{nameAndQuery}", credential)).AssertStatus(HttpStatusCode.OK).Json;
        Assert.Equal(nameAndQuery.Split('?')[0], json.GetProperty("name").GetString());
        return [.. json.GetProperty("variants").EnumerateArray().Select(GenerationId)];
    }

    private static async Task<Guid> VariantIdAsync(DocsfyClient client, string path, Credential credential) =>
        GenerationId((await client.GetAsync(path, credential)).AssertStatus(HttpStatusCode.OK).Json);

    private static Guid GenerationId(JsonElement variant) => variant.GetProperty("generation_id").GetGuid();
}
