using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.OpenApi;

/// <summary>
/// The OpenAPI document the real API serves, held against the real API's answers: each body below, success or error, must
/// fit the schema the document declares for that operation and status (names as sent, types, required and nothing
/// undeclared). A property renamed, dropped or added on either side fails here.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class OpenApiContractTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task The_document_is_public_and_OpenAPI_3_1()
    {
        using var client = fixture.Host.Client();
        var contract = await OpenApiContract.FetchAsync(client);
        Assert.StartsWith("3.1.", contract.Document.GetProperty("openapi").GetString());
        Assert.Contains("/api/ws", contract.Document.GetProperty("info").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Successful_answers_match_the_schemas_the_document_declares()
    {
        using var client = fixture.Host.Client();
        var contract = await OpenApiContract.FetchAsync(client);
        var admin = DocsfyAppFixture.Admin;
        var owner = await Users.CreateAsync(client, "contract-owner", "user");
        var reader = await Users.CreateAsync(client, "contract-reader", "viewer");
        var name = DocsfyAppFixture.UniqueName("contract");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username);

        contract.AssertMatches(await client.GetAsync("/api/auth/me", owner.Bearer), "get", "/api/auth/me");
        contract.AssertMatches(await client.GetAsync("/api/admin/users", admin), "get", "/api/admin/users");
        contract.AssertMatches(await client.PostAsync("/api/admin/users", admin,
            new { username = DocsfyAppFixture.UniqueName("contract-new"), role = "viewer" }), "post", "/api/admin/users");
        contract.AssertMatches(await client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{reader.Username}", admin,
            new { role = "user" }), "patch", "/api/admin/users/{username}");
        contract.AssertMatches(await client.GetAsync("/api/models"), "get", "/api/models");

        contract.AssertMatches(await client.GetAsync("/api/projects", owner.Bearer), "get", "/api/projects");
        contract.AssertMatches(await client.GetAsync($"/api/projects/{name}", owner.Bearer), "get", "/api/projects/{name}");
        contract.AssertMatches(await client.GetAsync($"/api/projects/{name}/main/cursor/gpt-5", owner.Bearer), "get",
            "/api/projects/{name}/{branch}/{provider}/{model}");
        contract.AssertMatches(await client.GetAsync($"/api/projects/by-id/{id}", owner.Bearer), "get",
            "/api/projects/by-id/{generationId}");

        var grant = await client.PostAsync($"/api/admin/projects/{name}/access", admin,
            new { username = reader.Username, owner = owner.Username });
        Assert.Equal(HttpStatusCode.Created, grant.Status);
        contract.AssertMatches(grant, "post", "/api/admin/projects/{name}/access");
        contract.AssertMatches(await client.GetAsync($"/api/admin/projects/{name}/access?owner={owner.Username}", admin), "get",
            "/api/admin/projects/{name}/access");
    }

    [Fact]
    public async Task Error_answers_match_the_one_error_shape_the_document_declares()
    {
        using var client = fixture.Host.Client();
        var contract = await OpenApiContract.FetchAsync(client);
        var admin = DocsfyAppFixture.Admin;
        var user = await Users.CreateAsync(client, "contract-errors", "user");

        var notFound = await client.GetAsync($"/api/projects/by-id/{Guid.NewGuid()}", user.Bearer);
        contract.AssertMatches(notFound.AssertError(HttpStatusCode.NotFound), "get", "/api/projects/by-id/{generationId}");

        var badRequest = await client.PostAsync("/api/admin/users", admin, new { username = "-not a name-" });
        contract.AssertMatches(badRequest.AssertError(HttpStatusCode.BadRequest), "post", "/api/admin/users");

        var unauthenticated = await client.GetAsync("/api/auth/me");
        contract.AssertMatches(unauthenticated.AssertError(HttpStatusCode.Unauthorized), "get", "/api/auth/me");

        var forbidden = await client.GetAsync("/api/admin/users", user.Bearer);
        contract.AssertMatches(forbidden.AssertError(HttpStatusCode.Forbidden), "get", "/api/admin/users");

        var conflict = await client.PostAsync("/api/admin/users", admin, new { username = user.Username });
        contract.AssertMatches(conflict.AssertError(HttpStatusCode.Conflict), "post", "/api/admin/users");

        var unknownField = await client.PostAsync("/api/generate", user.Bearer, new { repo_url = "https://example.com/a/b.git", surprise = 1 });
        contract.AssertMatches(unknownField.AssertError(HttpStatusCode.UnprocessableEntity), "post", "/api/generate");

        var wrongMediaType = await client.SendRawAsync(HttpMethod.Post, "/api/auth/login", null, "username=admin", "text/plain");
        contract.AssertMatches(wrongMediaType.AssertError(HttpStatusCode.UnsupportedMediaType), "post", "/api/auth/login");

        // A field at fault is named in "field", which the schema declares too.
        var badField = await client.PostAsync("/api/generate", user.Bearer, new { repo_url = "https://example.com/a/b.git", branch = "-x" });
        Assert.Equal("branch", badField.AssertError(HttpStatusCode.BadRequest).String("field"));
        contract.AssertMatches(badField, "post", "/api/generate");
    }
}
