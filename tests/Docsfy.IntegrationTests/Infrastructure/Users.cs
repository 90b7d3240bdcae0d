using System.Net;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>Creating users through the admin API.</summary>
public static class Users
{
    public sealed record Created(string Username, string Role, string ApiKey)
    {
        public Credential Bearer => Credential.Bearer(ApiKey);
    }

    public static async Task<Created> CreateAsync(DocsfyClient client, string prefix, string role)
    {
        var username = DocsfyAppFixture.UniqueName(prefix);
        var reply = await client.PostAsync("/api/admin/users", DocsfyAppFixture.Admin, new { username, role });
        reply.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("no-store", reply.Header("Cache-Control"));
        return new Created(username, role, reply.String("api_key"));
    }
}
