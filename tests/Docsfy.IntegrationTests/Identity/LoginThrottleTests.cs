using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>
/// The login throttle through the app host's proxy, with the client addresses it forwards (each client has its own, see
/// <see cref="ClientAddresses"/>). The limits are the defaults: 5 per (address, username), 30 per address.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class LoginThrottleTests(DocsfyAppFixture fixture)
{
    private const int PerUsername = 5;
    private const int PerAddress = 30;

    [Fact]
    public async Task Repeated_failed_logins_are_throttled_with_retry_after_and_audited()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "throttle", "user");

        // Five failures are answered 401 (alternating API replicas behind the proxy: the count lives in PostgreSQL).
        for (var attempt = 0; attempt < PerUsername; attempt++)
        {
            (await WrongLoginAsync(client, user.Username, attempt)).AssertError(HttpStatusCode.Unauthorized);
        }

        // Then even the right key is refused from that address until the window has passed.
        var limited = await client.PostAsync("/api/auth/login", null, new { username = user.Username, api_key = user.ApiKey });
        limited.AssertError(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Header("Retry-After")!);
        Assert.InRange(retryAfter, 1, 300);

        // Other users logging in from the same address are not locked out by it, and Bearer use is not throttled.
        var other = await Users.CreateAsync(client, "throttle-other", "user");
        await client.LoginAsync(other.Username, other.ApiKey);
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(PerUsername, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'login_failed' and username = @u", ("u", user.Username)));
        Assert.Equal(1, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'login_succeeded' and username = @u", ("u", other.Username)));
    }

    [Fact]
    public async Task Failures_from_one_address_never_lock_out_the_same_user_at_another()
    {
        using var attacker = fixture.Host.Client();
        using var owner = fixture.Host.Client();
        foreach (var target in new[] { "admin", (await Users.CreateAsync(owner, "lockout", "user")).Username })
        {
            for (var attempt = 0; attempt <= PerUsername; attempt++)
            {
                var reply = await WrongLoginAsync(attacker, target, attempt);
                reply.AssertError(attempt < PerUsername ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests);
            }
        }

        await owner.LoginAsync("admin", DocsfyAppHost.AdminKey);
        Assert.Equal(2 * PerUsername, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'login_failed' and remote_address = @a", ("a", attacker.Address)));
    }

    [Fact]
    public async Task The_per_address_limit_counts_only_that_address()
    {
        using var noisy = fixture.Host.Client();
        using var quiet = fixture.Host.Client();
        var user = await Users.CreateAsync(quiet, "per-address", "user");

        // Thirty failures under thirty names: no name reaches its own limit, the address reaches its one.
        for (var attempt = 0; attempt < PerAddress; attempt++)
        {
            (await WrongLoginAsync(noisy, $"nobody-{attempt}", attempt)).AssertError(HttpStatusCode.Unauthorized);
        }
        (await noisy.PostAsync("/api/auth/login", null, new { username = user.Username, api_key = user.ApiKey }))
            .AssertError(HttpStatusCode.TooManyRequests);

        await quiet.LoginAsync(user.Username, user.ApiKey);
    }

    [Fact]
    public async Task Parallel_failures_on_both_replicas_get_exactly_the_limit_through()
    {
        using var setup = fixture.Host.Client();
        var user = await Users.CreateAsync(setup, "race", "user");
        var address = ClientAddresses.Next();

        // Fifteen clients (fifteen connections, which the proxy spreads over both replicas) from one address at once.
        var clients = Enumerable.Range(0, 15).Select(_ => fixture.Host.Client(address)).ToList();
        try
        {
            var replies = await Task.WhenAll(clients.Select((client, attempt) => WrongLoginAsync(client, user.Username, attempt)));
            Assert.Equal(PerUsername, replies.Count(r => r.Status == HttpStatusCode.Unauthorized));
            Assert.Equal(15 - PerUsername, replies.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
        Assert.Equal(PerUsername, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'login_failed' and username = @u", ("u", user.Username)));
    }

    private static Task<Reply> WrongLoginAsync(DocsfyClient client, string username, int attempt) =>
        client.PostAsync("/api/auth/login", null, new { username, api_key = $"docsfy_wrong-{attempt}-0000000" });
}
