using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

[Collection(DocsfyCollection.Name)]
public sealed class LoginThrottleTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Repeated_failed_logins_are_throttled_with_retry_after_and_audited()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "throttle", "user");

        // Five failures are answered 401 (alternating API replicas behind the proxy: the count lives in PostgreSQL).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await client.PostAsync("/api/auth/login", null, new { username = user.Username, api_key = $"docsfy_wrong-{attempt}-0000000" }))
                .AssertError(HttpStatusCode.Unauthorized);
        }

        // Then even the right key is refused until the window has passed.
        var limited = await client.PostAsync("/api/auth/login", null, new { username = user.Username, api_key = user.ApiKey });
        limited.AssertError(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Header("Retry-After")!);
        Assert.InRange(retryAfter, 1, 300);

        // Other users logging in from the same address are not locked out by it, and Bearer use is not throttled.
        var other = await Users.CreateAsync(client, "throttle-other", "user");
        await client.LoginAsync(other.Username, other.ApiKey);
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(5, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'login_failed' and username = @u", ("u", user.Username)));
        Assert.Equal(1, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'login_succeeded' and username = @u", ("u", other.Username)));
    }
}
