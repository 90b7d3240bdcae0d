using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>A session past its expiry is refused by the server itself, whatever the browser still holds.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class SessionExpiryTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task An_expired_session_is_refused_while_its_row_still_exists_and_the_key_keeps_working()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "expiry", "user");
        var session = Credential.Session(await client.LoginAsync(user.Username, user.ApiKey));
        (await client.GetAsync("/api/auth/me", session)).AssertStatus(HttpStatusCode.OK);

        await SessionRows.ExpireAsync(fixture.Host, user.Username);

        (await client.GetAsync("/api/auth/me", session)).AssertError(HttpStatusCode.Unauthorized);
        // The purge (every 10 minutes here) has not removed it: the request itself checked the expiry.
        Assert.Equal(1, await SessionRows.CountAsync(fixture.Host, user.Username));
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);
    }
}
