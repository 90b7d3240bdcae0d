using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>Expired sessions are deleted periodically while the API runs, not only at start-up.</summary>
[Collection(ShortLimitsCollection.Name)]
public sealed class SessionPurgeTests(ShortLimitsFixture fixture)
{
    [Fact]
    public async Task The_purge_deletes_expired_sessions_and_keeps_live_ones()
    {
        var host = fixture.Host;
        using var client = host.Client();
        var user = await Users.CreateAsync(client, "purge", "user");
        var expired = Credential.Session(await client.LoginAsync(user.Username, user.ApiKey));
        await SessionRows.ExpireAsync(host, user.Username);
        var live = Credential.Session(await client.LoginAsync(user.Username, user.ApiKey));

        await Eventually.HoldsAsync(async () => await SessionRows.CountAsync(host, user.Username) == 1,
            "the expired session to be purged", ShortLimitsFixture.SessionPurgeInterval * 20);

        (await client.GetAsync("/api/auth/me", live)).AssertStatus(HttpStatusCode.OK);
        (await client.GetAsync("/api/auth/me", expired)).AssertError(HttpStatusCode.Unauthorized);
    }
}
