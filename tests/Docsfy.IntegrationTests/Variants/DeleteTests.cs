using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Variants;

/// <summary>Who may delete what, the refusal while generating, and what a delete takes with it (site files, grants, a sync).</summary>
[Collection(DocsfyCollection.Name)]
public sealed class DeleteTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Roles_owners_and_running_generations_decide_who_may_delete()
    {
        using var client = fixture.Host.Client();
        var admin = DocsfyAppFixture.Admin;
        var alice = await Users.CreateAsync(client, "del-alice", "user");
        var bob = await Users.CreateAsync(client, "del-bob", "user");
        var victor = await Users.CreateAsync(client, "del-victor", "viewer");
        var name = DocsfyAppFixture.UniqueName("del");
        await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "ready", "main", "cursor", "m");
        await VariantRows.InsertAsync(fixture.Host, name, alice.Username, "generating", "dev", "cursor", "m");
        var victorsOwn = await VariantRows.InsertAsync(fixture.Host, name, victor.Username, "ready", "main", "cursor", "m");
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = bob.Username, owner = alice.Username }))
            .AssertStatus(HttpStatusCode.Created);
        var variant = $"/api/projects/{name}/main/cursor/m";

        // Viewers only read, even their own variants.
        (await DeleteAsync(client, variant, victor.Bearer)).AssertError(HttpStatusCode.Forbidden);
        (await DeleteAsync(client, $"/api/projects/{name}", victor.Bearer)).AssertError(HttpStatusCode.Forbidden);
        Assert.NotNull(await VariantRows.ColumnAsync(fixture.Host, victorsOwn, "status"));
        // Admins must say whose.
        (await DeleteAsync(client, variant, admin)).AssertError(HttpStatusCode.BadRequest);
        (await DeleteAsync(client, $"/api/projects/{name}", admin)).AssertError(HttpStatusCode.BadRequest);
        // A grantee sees Alice's variant but may not delete it; an outsider does not even see it.
        (await DeleteAsync(client, variant, bob.Bearer)).AssertError(HttpStatusCode.Forbidden);
        (await DeleteAsync(client, $"{variant}?owner={alice.Username}", bob.Bearer)).AssertError(HttpStatusCode.Forbidden);
        var outsider = await Users.CreateAsync(client, "del-out", "user");
        (await DeleteAsync(client, variant, outsider.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await DeleteAsync(client, $"/api/projects/{name}?owner={alice.Username}", outsider.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await DeleteAsync(client, $"{variant}?owner=nobody-at-all", admin)).AssertError(HttpStatusCode.NotFound);
        // A generating variant blocks its own delete and the whole project's, and nothing is deleted.
        (await DeleteAsync(client, $"/api/projects/{name}/dev/cursor/m", alice.Bearer)).AssertError(HttpStatusCode.Conflict);
        (await DeleteAsync(client, $"/api/projects/{name}", alice.Bearer)).AssertError(HttpStatusCode.Conflict);
        Assert.Equal(2, await CountAsync("select count(*) from variants where name = @name and owner = @owner", name, alice.Username));

        // The owner deletes their ready variant; the admin deletes another owner's with ?owner=.
        (await DeleteAsync(client, variant, alice.Bearer)).AssertStatus(HttpStatusCode.NoContent);
        (await DeleteAsync(client, variant, alice.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await DeleteAsync(client, $"{variant}?owner={victor.Username.ToUpperInvariant()}", admin)).AssertStatus(HttpStatusCode.NoContent);
        Assert.Null(await VariantRows.ColumnAsync(fixture.Host, victorsOwn, "status"));
        // Alice's generating variant is untouched, and so is the grant: the project still has a variant.
        Assert.Equal(1, await CountAsync("select count(*) from variants where name = @name and owner = @owner", name, alice.Username));
        Assert.Equal(1, await CountAsync("select count(*) from access_grants where project_name = @name and owner = @owner", name, alice.Username));
    }

    [Fact]
    public async Task Deleting_the_last_variant_removes_sites_and_grants_and_syncs_owner_and_grantee()
    {
        using var client = fixture.Host.Client();
        var admin = DocsfyAppFixture.Admin;
        var owner = await Users.CreateAsync(client, "del-owner", "user");
        var grantee = await Users.CreateAsync(client, "del-grantee", "viewer");
        var name = DocsfyAppFixture.UniqueName("del-sync");
        var main = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, "ready", "main", "cursor", "m");
        var dev = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, "ready", "dev", "cursor", "m");
        var mainSite = await SiteFiles.PublishAsync(fixture.Host, main, null, SiteFiles.File.Text("index.html", "text/html", "main"));
        var devSite = await SiteFiles.PublishAsync(fixture.Host, dev, null, SiteFiles.File.Text("index.html", "text/html", "dev"));
        (await client.PostAsync($"/api/admin/projects/{name}/access", admin, new { username = grantee.Username, owner = owner.Username }))
            .AssertStatus(HttpStatusCode.Created);

        await using var ownerSocket = await HubClient.ConnectAsync(fixture.Host, token: owner.ApiKey);
        await using var granteeSocket = await HubClient.ConnectAsync(fixture.Host, token: grantee.ApiKey);
        await using var adminSocket = await HubClient.ConnectAsync(fixture.Host, token: DocsfyAppHost.AdminKey);
        foreach (var socket in new[] { ownerSocket, granteeSocket, adminSocket })
        {
            Assert.Equal(["dev", "main"], Branches(await socket.NextOfTypeAsync("sync"), name));
        }

        // One variant goes: everyone who sees the project is told; the grant stays for the remaining variant.
        (await DeleteAsync(client, $"/api/projects/{name}/main/cursor/m", owner.Bearer)).AssertStatus(HttpStatusCode.NoContent);
        foreach (var socket in new[] { ownerSocket, granteeSocket, adminSocket })
        {
            Assert.Equal(["dev"], Branches(await socket.NextOfTypeAsync("sync"), name));
        }
        Assert.Equal(0, await CountAsync("select count(*) from site_files where generation_id = @run", mainSite));
        Assert.Equal(1, await CountAsync("select count(*) from site_files where generation_id = @run", devSite));
        Assert.Equal(1, await CountAsync("select count(*) from access_grants where project_name = @name and owner = @owner", name, owner.Username));

        // The last one goes (the admin deletes the whole project): the grant goes with it, and the grantee, who just lost
        // access, still gets the sync that shows the project gone.
        (await DeleteAsync(client, $"/api/projects/{name}?owner={owner.Username}", admin)).AssertStatus(HttpStatusCode.NoContent);
        foreach (var socket in new[] { ownerSocket, granteeSocket, adminSocket })
        {
            Assert.Empty(Branches(await socket.NextOfTypeAsync("sync"), name));
        }
        Assert.Equal(0, await CountAsync("select count(*) from site_files where generation_id = @run", devSite));
        Assert.Equal(0, await CountAsync("select count(*) from access_grants where project_name = @name and owner = @owner", name, owner.Username));
        (await client.GetAsync($"/api/projects/{name}", grantee.Bearer)).AssertError(HttpStatusCode.NotFound);

        // A new project of the same name by the same owner is not shared again by the old grant.
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username);
        (await client.GetAsync($"/api/projects/{name}", grantee.Bearer)).AssertError(HttpStatusCode.NotFound);
    }

    private static Task<Reply> DeleteAsync(DocsfyClient client, string path, Credential credential) =>
        client.SendAsync(HttpMethod.Delete, path, credential);

    private Task<long> CountAsync(string sql, string name, string owner) =>
        VariantRows.CountAsync(fixture.Host, sql, ("name", name), ("owner", owner));

    private Task<long> CountAsync(string sql, Guid run) => VariantRows.CountAsync(fixture.Host, sql, ("run", run));

    private static List<string> Branches(JsonElement sync, string name) =>
        [.. sync.GetProperty("projects").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() == name)
            .Select(p => p.GetProperty("branch").GetString()!)
            .Order()];
}
